import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseKinds } from '../helpers/databases.js';
import { createOtherTenant, organisationIdByKey, OTHER_PASSWORD, type OtherTenant } from '../helpers/fixtures.js';
import { sampleFor } from '../helpers/samples.js';
import { expectTrpcError, signIn, startTestServer, type TestServer } from '../helpers/test-server.js';

/*
 * indicators.questionnaire: the school questionnaire of a school year across
 * the Ambito, one answer per school (its latest), every question added up.
 * The figures below are worked out by hand from the two answers sent.
 */

const FORM = { formId: 'school-questionnaire', version: 1 } as const;
const YEAR = '2026/27';

for (const kind of await databaseKinds()) {
  describe(`indicators.questionnaire on ${kind}`, () => {
    let ts: TestServer;
    let manzoni: string;
    let rodari: string;
    let other: OtherTenant;
    let coordinator: ReturnType<TestServer['client']>;

    before(async () => {
      ts = await startTestServer(kind);
      const db = ts.server.database.db;
      manzoni = await organisationIdByKey(db, 'pk_demo_manzoni');
      rodari = await organisationIdByKey(db, 'pk_demo_rodari');
      other = await createOtherTenant(db);
      coordinator = ts.client({ token: await signIn(ts, 'coordinatrice@demo.ponte.test') });

      const sample = (organisationId: string) => sampleFor('school-questionnaire', organisationId) as Record<string, unknown>;
      const manzoniKey = ts.client({ key: 'pk_demo_manzoni' });
      // Manzoni answers, then corrects: only the correction counts.
      await manzoniKey.submissions.submit.mutate({ ...FORM, data: { ...sample(manzoni), schoolYear: YEAR, sites: 9, trainingNeeds: 'Risposta sostituita.' } });
      await manzoniKey.submissions.submit.mutate({ ...FORM, data: { ...sample(manzoni), schoolYear: YEAR, trainingNeeds: 'Formazione sul colloquio.' } });
      // Rodari: a smaller school, no reception protocol, other ratings.
      await ts.client({ key: 'pk_demo_rodari' }).submissions.submit.mutate({
        ...FORM,
        data: {
          ...sample(rodari),
          schoolYear: YEAR,
          levels: ['primaria'],
          sites: 1,
          pupilsByLevel: [{ level: 'primaria', enrolled: 200, cni: 40, cniBornInItaly: 30, nai: 3 }],
          mainCitizenships: [{ country: 'MA', pupils: 20 }, { country: 'AL', pupils: 8 }],
          receptionProtocol: false,
          receptionProtocolYear: undefined,
          mediationHours: 13.5,
          languagesRequested: [{ code: 'ara', variety: 'Darija' }, { code: 'sqi' }],
          familyParticipation: 2,
          projectRating: { naiReception: 3, familyMeetings: 4, schoolGuidance: 'dontKnow', mediatorQuality: 4, requestEase: 5, activationSpeed: 2, interculturalWorkshops: 'dontKnow' },
          trainingNeeds: '',
          comments: 'Tempi di attivazione lunghi.',
        },
      });
      // Another year: not this year's figures.
      await manzoniKey.submissions.submit.mutate({ ...FORM, data: { ...sample(manzoni), schoolYear: '2027/28', sites: 50 } });
    });
    after(() => ts.close());

    const question = <K extends string>(results: { questions: { key: string; kind: string }[] }, key: string, kind: K) => {
      const found = results.questions.find((q) => q.key === key);
      assert.ok(found, `no ${key}`);
      assert.equal(found.kind, kind, key);
      return found as never;
    };

    it('lists the schools that answered the year, once each, with their corrections', async () => {
      const results = await coordinator.indicators.questionnaire.query({ schoolYear: YEAR });
      assert.equal(results.schoolYear, YEAR);
      const bySchool = new Map(results.schools.map((s) => [s.organisationId, s]));
      assert.deepEqual([...bySchool.keys()].sort(), [manzoni, rodari].sort());
      assert.equal(bySchool.get(manzoni)!.corrections, 1);
      assert.equal(bySchool.get(rodari)!.corrections, 0);
      assert.match(bySchool.get(manzoni)!.protocol, /^\d{4}\/\d{6}$/);
    });

    it('adds up every question from the answers standing', async () => {
      const results = await coordinator.indicators.questionnaire.query({ schoolYear: YEAR });
      // sites: 4 (Manzoni's correction, not the 9 it replaced) + 1.
      assert.deepEqual(question(results, 'sites', 'number'), { key: 'sites', kind: 'number', answered: 2, sum: 5, mean: 2.5 });
      assert.deepEqual(question(results, 'mediationHours', 'number'), { key: 'mediationHours', kind: 'number', answered: 2, sum: 100, mean: 50 });
      assert.deepEqual(question(results, 'receptionProtocol', 'yesNo'), { key: 'receptionProtocol', kind: 'yesNo', yes: 1, no: 1 });
      assert.deepEqual(question(results, 'levels', 'choices'), {
        key: 'levels',
        kind: 'choices',
        answered: 2,
        counts: [{ value: 'primaria', count: 2 }, { value: 'infanzia', count: 1 }, { value: 'secondaria-1', count: 1 }],
      });
      assert.deepEqual(question(results, 'languagesRequested', 'choices'), {
        key: 'languagesRequested',
        kind: 'choices',
        answered: 2,
        counts: [{ value: 'ara:Darija', count: 2 }, { value: 'ara:Egyptian', count: 1 }, { value: 'sqi', count: 1 }, { value: 'zho', count: 1 }],
      });
      // Pupils by level: Manzoni's three rows plus Rodari's primaria.
      const byLevel = question<'rows'>(results, 'pupilsByLevel', 'rows') as { by: string; totals: { value: string; sums: Record<string, number> }[] };
      assert.equal(byLevel.by, 'level');
      const primaria = byLevel.totals.find((t) => t.value === 'primaria')!;
      assert.equal(primaria.sums.enrolled, 610);
      assert.equal(primaria.sums.cni, 161);
      assert.equal(primaria.sums.nai, 12);
      const byCountry = question<'rows'>(results, 'mainCitizenships', 'rows') as { totals: { value: string; sums: Record<string, number> }[] };
      assert.deepEqual(byCountry.totals.map((t) => [t.value, t.sums.pupils]), [['AL', 8], ['CN', 22], ['EG', 48], ['MA', 82], ['RO', 30]]);
      // Ratings 1–5: Manzoni 5 and Rodari 3 for newly arrived pupils; one "don't know" is not in the mean.
      const ratings = question<'ratings'>(results, 'projectRating', 'ratings') as { points: number; rows: { key: string; answered: number; dontKnow: number; counts: number[]; mean: number | null }[] };
      assert.equal(ratings.points, 5);
      assert.deepEqual(ratings.rows.find((r) => r.key === 'naiReception'), { key: 'naiReception', answered: 2, dontKnow: 0, counts: [0, 0, 1, 0, 1], mean: 4 });
      assert.deepEqual(ratings.rows.find((r) => r.key === 'schoolGuidance'), { key: 'schoolGuidance', answered: 2, dontKnow: 1, counts: [0, 0, 0, 1, 0], mean: 4 });
      assert.deepEqual(ratings.rows.find((r) => r.key === 'activationSpeed'), { key: 'activationSpeed', answered: 2, dontKnow: 1, counts: [0, 1, 0, 0, 0], mean: 2 });
      assert.deepEqual(question(results, 'familyParticipation', 'ratings'), {
        key: 'familyParticipation',
        kind: 'ratings',
        points: 5,
        rows: [{ key: 'familyParticipation', answered: 2, dontKnow: 0, counts: [0, 1, 1, 0, 0], mean: 2.5 }],
      });
      // Free text by school, the replaced answer's not among it; who to write to is not a result.
      assert.deepEqual(question(results, 'trainingNeeds', 'texts'), { key: 'trainingNeeds', kind: 'texts', texts: [{ organisationId: manzoni, text: 'Formazione sul colloquio.' }] });
      assert.deepEqual(question(results, 'comments', 'texts'), { key: 'comments', kind: 'texts', texts: [{ organisationId: rodari, text: 'Tempi di attivazione lunghi.' }] });
      // Short free text is a question too ("other, specify"); the school's code typed in the form is not.
      assert.deepEqual(question(results, 'familyBarriersOther', 'texts'), { key: 'familyBarriersOther', kind: 'texts', texts: [] });
      for (const personal of ['respondentEmail', 'school', 'mechanographicCode']) assert.equal(results.questions.some((q) => q.key === personal), false, personal);
    });

    it('answers a year nobody answered with no schools and zero counts', async () => {
      const results = await coordinator.indicators.questionnaire.query({ schoolYear: '2030/31' });
      assert.deepEqual(results.schools, []);
      assert.deepEqual(question(results, 'sites', 'number'), { key: 'sites', kind: 'number', answered: 0, sum: 0, mean: null });
    });

    it('shows another Ambito’s coordinator nothing of this one, and refuses who is not a coordinator or an admin', async () => {
      const theirs = await ts.client({ token: await signIn(ts, other.emails.coordinator, OTHER_PASSWORD) }).indicators.questionnaire.query({ schoolYear: YEAR });
      assert.deepEqual(theirs.schools, []);
      for (const email of ['amina.elidrissi@demo.ponte.test', 'referente.manzoni@demo.ponte.test', 'clinica@demo.ponte.test', 'operatrice.servizi@demo.ponte.test']) {
        const error = await expectTrpcError(ts.client({ token: await signIn(ts, email) }).indicators.questionnaire.query({ schoolYear: YEAR }));
        assert.equal(error.data?.code, 'FORBIDDEN', email);
      }
      const admin = await ts.client({ token: await signIn(ts, 'admin@demo.ponte.test') }).indicators.questionnaire.query({ schoolYear: YEAR });
      assert.equal(admin.schools.length, 2);
      const key = await expectTrpcError(ts.client({ key: 'pk_demo_manzoni' }).indicators.questionnaire.query({ schoolYear: YEAR }));
      assert.equal(key.data?.code, 'UNAUTHORIZED');
    });
  });
}
