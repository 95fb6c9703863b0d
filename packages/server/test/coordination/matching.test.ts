import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getForm, type FormId } from '@ponte/forms';
import { codesServing, languageFit, sameLanguage } from '../../src/coordination/language-match.js';
import { suggestMediators } from '../../src/coordination/matching.js';
import type { Reason } from '../../src/coordination/scoring.js';
import { newId, newTrackingCode, sha256 } from '../../src/ids.js';
import { serviceCall } from '../../src/service-call.js';
import { insertSubmission } from '../../src/submissions/submission.repository.js';
import { databaseKinds } from '../helpers/databases.js';
import { createOtherTenant, OTHER_ORIGIN, OTHER_PASSWORD } from '../helpers/fixtures.js';
import { sampleFor } from '../helpers/samples.js';
import { romeWinter, schedulingFixture, type SchedulingFixture } from '../helpers/scheduling.js';
import { expectTrpcError, signIn, startTestServer, type TestServer } from '../helpers/test-server.js';

// Monday 11 and Wednesday 13 January 2027: winter (Rome = UTC+1), school year 2026/27.
const MONDAY = '2027-01-11';
const WEDNESDAY = '2027-01-13';
const SLOTS = [
  { date: MONDAY, from: '14:30', to: '15:30' },
  { date: WEDNESDAY, from: '10:00', to: '12:00' },
];
const WEEKDAYS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: '09:00', endTime: '17:00' }));

describe('language matching', () => {
  it('relates a macrolanguage and its members, not two members', () => {
    assert.ok(sameLanguage('ara', 'ary'));
    assert.ok(sameLanguage('ary', 'ara'));
    assert.ok(sameLanguage('zho', 'wuu'));
    assert.ok(!sameLanguage('ary', 'arz'));
    assert.ok(!sameLanguage('ara', 'fra'));
    assert.deepEqual(codesServing('sqi').sort(), ['aae', 'aat', 'aln', 'als', 'sqi']);
  });

  it('prefers the asked-for variety over a higher level, then the higher level', () => {
    const spoken = [
      { code: 'cmn', variety: '', level: 'native' },
      { code: 'wuu', variety: 'Wenzhounese', level: 'B2' },
    ];
    assert.deepEqual(languageFit(spoken, { code: 'zho', variety: ' wenzhounese' }), { level: 'B2', variety: true });
    assert.deepEqual(languageFit(spoken, { code: 'zho', variety: 'Cantonese' }), { level: 'native', variety: false });
    assert.deepEqual(languageFit(spoken, { code: 'zho', variety: null }), { level: 'native', variety: null });
    assert.equal(languageFit(spoken, { code: 'jpn', variety: null }), null);
  });
});

for (const kind of await databaseKinds()) {
  describe(`coordination.suggestMediators on ${kind}`, () => {
    let ts: TestServer;
    let fx: SchedulingFixture;
    let staff: ReturnType<TestServer['client']>;

    before(async () => {
      ts = await startTestServer(kind);
      fx = await schedulingFixture(ts);
      staff = ts.client({ token: fx.coordinator });
    });
    after(() => ts.close());

    /** A mediator of the demo tenant, free on weekdays 09:00–17:00 unless told otherwise. */
    async function mediator(
      displayName: string,
      languages: { code: string; variety?: string; level: 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2' | 'native' }[],
      o: { gender?: 'F' | 'M'; rules?: { weekday: number; startTime: string; endTime: string }[] } = {},
    ): Promise<string> {
      const { id } = await staff.mediators.create.mutate({ displayName, gender: o.gender ?? null, languages });
      await staff.availability.setRules.mutate({ mediatorId: id, rules: o.rules ?? WEEKDAYS });
      return id;
    }

    /** A request sent by the coordinator for a demo organisation: the form's sample with changes. */
    async function request(formId: FormId, organisationId: string, changes: Record<string, unknown>): Promise<string> {
      const data = { ...sampleFor(formId, organisationId), ...changes };
      const { trackingCode } = await staff.submissions.submit.mutate({ formId, version: getForm(formId)!.version, data, organisationId });
      return idOf(trackingCode);
    }

    async function idOf(trackingCode: string): Promise<string> {
      return (await ts.server.database.db.selectFrom('submissions').select('id').where('tracking_code', '=', trackingCode).executeTakeFirstOrThrow()).id;
    }

    const schoolRequest = (changes: Record<string, unknown>) => request('school-request', fx.orgs.rodari, { proposedSlots: SLOTS, expectedDuration: 60, ...changes });
    const suggest = (requestId: string, locale?: 'it' | 'en') => ts.client({ token: fx.coordinator, ...(locale ? { locale } : {}) }).coordination.suggestMediators.query({ requestId });
    const order = (answer: Awaited<ReturnType<typeof suggest>>, ids: string[]) => answer.suggestions.map((s) => s.mediatorId).filter((id) => ids.includes(id));
    const reason = <K extends Reason['kind']>(answer: Awaited<ReturnType<typeof suggest>>, id: string, kind: K) =>
      answer.suggestions.find((s) => s.mediatorId === id)!.reasons.find((r) => r.kind === kind) as Extract<Reason, { kind: K }>;

    it('variety: the one asked for ranks higher than a better level without it', async () => {
      const plain = await mediator('Tesfay Standard', [{ code: 'tir', level: 'native' }]);
      const variety = await mediator('Tesfay Eritreo', [{ code: 'tir', variety: 'Eritreo', level: 'B2' }]);
      const asked = await suggest(await schoolRequest({ language: { code: 'tir', variety: 'eritreo' } }));
      assert.deepEqual(order(asked, [plain, variety]), [variety, plain]);
      assert.deepEqual(reason(asked, variety, 'variety'), { kind: 'variety', match: true, points: 25 });
      assert.deepEqual(reason(asked, plain, 'variety'), { kind: 'variety', match: false, points: 0 });
      // Without a variety asked for, the level decides.
      const none = await suggest(await schoolRequest({ language: { code: 'tir' } }));
      assert.deepEqual(order(none, [plain, variety]), [plain, variety]);
      assert.equal(reason(none, plain, 'variety'), undefined);
    });

    it('macrolanguage: a request for Chinese (Wenzhounese) finds the Wu speaker', async () => {
      const answer = await suggest(await schoolRequest({ language: { code: 'zho', variety: 'Wenzhounese' } }));
      assert.equal(answer.suggestions[0]!.mediatorId, fx.mediators.li);
      assert.equal(reason(answer, fx.mediators.li!, 'variety').match, true);
    });

    it('gender: the requested one ranks higher', async () => {
      const woman = await mediator('Hodan Ali', [{ code: 'som', level: 'native' }], { gender: 'F' });
      const man = await mediator('Abdi Ali', [{ code: 'som', level: 'native' }], { gender: 'M' });
      const wantsMan = await suggest(await schoolRequest({ language: { code: 'som' }, mediatorGender: 'uomo' }));
      assert.deepEqual(order(wantsMan, [woman, man]), [man, woman]);
      assert.deepEqual(reason(wantsMan, man, 'gender'), { kind: 'gender', match: true, points: 25 });
      // The gender asked for outweighs his having served the school before (in March: January's load stays even).
      for (const day of ['2027-03-01', '2027-03-08', '2027-03-15']) {
        await staff.scheduling.book.mutate({ mediatorId: man, organisationId: fx.orgs.rodari, action: '1', start: romeWinter(day, '10:00'), durationMinutes: 60, mode: 'video' });
      }
      const wantsWoman = await suggest(await schoolRequest({ language: { code: 'som' }, mediatorGender: 'donna' }));
      assert.deepEqual(order(wantsWoman, [woman, man]), [woman, man]);
      assert.equal(reason(wantsWoman, man, 'continuity').points, 6);
      const indifferent = await suggest(await schoolRequest({ language: { code: 'som' }, mediatorGender: 'indifferente' }));
      assert.equal(reason(indifferent, man, 'gender'), undefined);
    });

    it('continuity: the organisation served before, then the same case, then the name the requester gives', async () => {
      const a = await mediator('Awa Diop', [{ code: 'wol', level: 'native' }]);
      const b = await mediator('Binta Diop', [{ code: 'wol', level: 'native' }]);
      const c = await mediator('Coumba Sarr', [{ code: 'wol', level: 'native' }]);
      // In March, so that January's load stays even.
      for (const day of ['2027-03-01', '2027-03-08']) {
        await staff.scheduling.book.mutate({ mediatorId: b, organisationId: fx.orgs.rodari, action: '1', start: romeWinter(day, '10:00'), durationMinutes: 60, mode: 'video' });
      }
      const school = await suggest(await schoolRequest({ language: { code: 'wol' } }));
      assert.equal(order(school, [a, b, c])[0], b);
      assert.deepEqual(reason(school, b, 'continuity'), { kind: 'continuity', appointments: 2, sameCase: 0, named: false, points: 4 });

      // The same case code at the service outweighs two sessions with the school.
      await staff.scheduling.book.mutate({ mediatorId: a, organisationId: fx.orgs.servizi, action: '2', start: romeWinter('2027-03-02', '10:00'), durationMinutes: 60, mode: 'video', caseCode: 'TM-2027-077' });
      const service = await request('service-request', fx.orgs.servizi, { language: { code: 'wol' }, caseCode: 'tm-2027-077', proposedSlots: SLOTS.slice(0, 1), mediatorGender: 'indifferente' });
      const byCase = await suggest(service);
      assert.equal(order(byCase, [a, b, c])[0], a);
      assert.equal(reason(byCase, a, 'continuity').sameCase, 1);
      assert.equal(reason(byCase, b, 'continuity').appointments, 0);

      // "Same mediator as before", by name.
      const named = await suggest(await schoolRequest({ language: { code: 'wol' }, previousMediator: 'coumba  SARR' }));
      assert.equal(order(named, [a, b, c])[0], c);
      assert.equal(reason(named, c, 'continuity').named, true);
    });

    it('free slots: who is free at more proposed times ranks higher; the top suggestion books in one call', async () => {
      const both = await mediator('Maria Santos', [{ code: 'tgl', level: 'native' }], { rules: [{ weekday: 1, startTime: '09:00', endTime: '17:00' }, { weekday: 3, startTime: '09:00', endTime: '17:00' }] });
      const wednesday = await mediator('Jose Reyes', [{ code: 'tgl', level: 'native' }], { rules: [{ weekday: 3, startTime: '11:00', endTime: '17:00' }] });
      const never = await mediator('Ana Cruz', [{ code: 'tgl', level: 'native' }], { rules: [{ weekday: 5, startTime: '09:00', endTime: '17:00' }] });
      const requestId = await schoolRequest({ language: { code: 'tgl' }, mode: 'video' });
      const first = await suggest(requestId);
      assert.deepEqual(order(first, [both, wednesday, never]), [both, wednesday, never]);
      const slots = (id: string) => reason(first, id, 'freeSlots').slots.map((s) => [s.index, s.localTime]);
      assert.deepEqual(slots(both), [[0, '14:30'], [1, '10:00']]);
      // Free from 11:00 only: the two-hour window still holds a one-hour meeting.
      assert.deepEqual(slots(wednesday), [[1, '11:00']]);
      assert.deepEqual(slots(never), []);
      assert.equal(first.suggestions.find((s) => s.mediatorId === never)!.book, null);
      assert.deepEqual(first.proposedSlots.map((p) => [p.index, p.start, p.open]), [
        [0, romeWinter(MONDAY, '14:30'), true],
        [1, romeWinter(WEDNESDAY, '10:00'), true],
      ]);

      const top = first.suggestions.find((s) => s.mediatorId === both)!;
      assert.deepEqual(top.book, {
        mediatorId: both,
        organisationId: fx.orgs.rodari,
        submissionId: requestId,
        action: '1',
        start: romeWinter(MONDAY, '14:30'),
        durationMinutes: 60,
        mode: 'video',
      });
      // Booking needs an approved request (requests/lifecycle.ts): approved here directly, as requests.approve would.
      await ts.server.database.db.updateTable('submissions').set({ status: 'approved' }).where('id', '=', requestId).execute();
      const booked = await staff.scheduling.book.mutate(top.book!);
      assert.equal(booked.appointments[0]!.submissionId, requestId);

      // Booked on Monday, she is free on Wednesday only, like him, and has the heavier month now;
      // but she already serves this request, and continuity weighs more than the month's load.
      const again = await suggest(requestId);
      assert.deepEqual(reason(again, both, 'freeSlots').slots.map((s) => s.index), [1]);
      assert.deepEqual(reason(again, both, 'load'), { kind: 'load', month: '2027-01', minutesThisMonth: 60, points: 0 });
      assert.deepEqual(reason(again, both, 'continuity'), { kind: 'continuity', appointments: 1, sameCase: 1, named: false, points: 17 });
      assert.deepEqual(order(again, [both, wednesday]), [both, wednesday]);
    });

    it('load: fewer minutes booked in the request’s month ranks higher; cancelled ones do not count', async () => {
      const busy = await mediator('Nimal Perera', [{ code: 'sin', level: 'native' }]);
      const idle = await mediator('Kamal Perera', [{ code: 'sin', level: 'native' }]);
      await staff.scheduling.book.mutate({ mediatorId: busy, organisationId: fx.orgs.manzoni, action: '1', start: romeWinter('2027-01-20', '09:00'), durationMinutes: 120, mode: 'video' });
      const cancelled = await staff.scheduling.book.mutate({ mediatorId: idle, organisationId: fx.orgs.manzoni, action: '1', start: romeWinter('2027-01-21', '09:00'), durationMinutes: 180, mode: 'video' });
      await staff.scheduling.cancel.mutate({ id: cancelled.appointments[0]!.id });
      // Another month's hours do not count either.
      await staff.scheduling.book.mutate({ mediatorId: idle, organisationId: fx.orgs.manzoni, action: '1', start: romeWinter('2027-02-01', '09:00'), durationMinutes: 240, mode: 'video' });

      // Each has one live appointment with Manzoni: continuity is even.
      const answer = await suggest(await request('school-request', fx.orgs.manzoni, { language: { code: 'sin' }, proposedSlots: SLOTS, expectedDuration: 60 }));
      assert.equal(answer.month, '2027-01');
      assert.deepEqual(order(answer, [busy, idle]), [idle, busy]);
      assert.deepEqual(reason(answer, busy, 'load'), { kind: 'load', month: '2027-01', minutesThisMonth: 120, points: 0 });
      assert.deepEqual(reason(answer, idle, 'load'), { kind: 'load', month: '2027-01', minutesThisMonth: 0, points: 10 });
    });

    it('asks the database a constant number of times, whatever the number of mediators and slots', async () => {
      const db = ts.server.database.db;
      let queries = 0;
      const counted = db.withPlugin({
        transformQuery: (args) => {
          queries++;
          return args.node;
        },
        transformResult: (args) => Promise.resolve(args.result),
      });
      const user = await db.selectFrom('users').select(['id', 'tenant_id', 'email', 'display_name']).where('email', '=', 'coordinatrice@demo.ponte.test').executeTakeFirstOrThrow();
      const coordinator = { kind: 'staff', sessionId: 'test', userId: user.id, tenantId: user.tenant_id, organisationId: null, role: 'coordinator', email: user.email, displayName: user.display_name } as const;
      const count = async (requestId: string) => {
        queries = 0;
        const call = serviceCall({ db: counted, dialect: ts.database.name, locale: 'it', now: new Date(), config: ts.config }, coordinator);
        const answer = await suggestMediators(call, { requestId });
        return { queries, suggested: answer.suggestions.length };
      };
      const six = [MONDAY, WEDNESDAY, '2027-01-14', '2027-01-15', '2027-01-18', '2027-01-19'].map((date) => ({ date, from: '09:00', to: '12:00' }));
      await mediator('Rojda Kaya', [{ code: 'kmr', level: 'native' }]);
      const few = await count(await schoolRequest({ language: { code: 'kur' } }));
      for (let i = 0; i < 10; i++) await mediator(`Mediatore curdo ${i}`, [{ code: i % 2 ? 'kmr' : 'ckb', level: 'C1' }]);
      const many = await count(await schoolRequest({ language: { code: 'kur' }, proposedSlots: six }));
      assert.deepEqual([few.suggested, many.suggested], [1, 11]);
      assert.equal(many.queries, few.queries);
    });

    it('leaves out inactive mediators; an empty list says why, in the caller’s language', async () => {
      const active = await mediator('Selvi Raj', [{ code: 'tam', level: 'native' }]);
      const inactive = await mediator('Kumar Raj', [{ code: 'tam', level: 'native' }]);
      await staff.mediators.deactivate.mutate({ id: inactive });
      const answer = await suggest(await schoolRequest({ language: { code: 'tam' } }));
      assert.deepEqual(answer.suggestions.map((s) => s.mediatorId), [active]);
      assert.equal(answer.emptyReason, null);

      await staff.mediators.deactivate.mutate({ id: active });
      const nobody = await schoolRequest({ language: { code: 'tam' } });
      const it = await suggest(nobody);
      const en = await suggest(nobody, 'en');
      assert.deepEqual(it.suggestions, []);
      assert.equal(it.emptyReason?.code, 'noSpeaker');
      assert.match(it.emptyReason!.message, /Nessun mediatore/);
      assert.match(en.emptyReason!.message, /No active mediator/);
    });

    it('explains each suggestion in one line, in Italian or English', async () => {
      const requestId = await schoolRequest({ language: { code: 'ara', variety: 'Darija' }, mediatorGender: 'donna' });
      const [it, en] = await Promise.all([suggest(requestId), suggest(requestId, 'en')]);
      const amina = (a: typeof it) => a.suggestions.find((s) => s.mediatorId === fx.mediators.amina)!;
      assert.equal(it.suggestions[0]!.mediatorId, fx.mediators.amina);
      assert.match(amina(it).explanation, /^Parla la varietà richiesta \(madrelingua\); genere come richiesto; .*date proposte libere: 2 su 2; minuti già prenotati nel mese: \d+\.$/);
      assert.match(amina(en).explanation, /^Speaks the variety requested \(native\); gender as requested; .*proposed times free: 2 of 2; minutes already booked in the month: \d+\.$/);
      assert.ok(it.suggestions.every((s, i) => s.rank === i + 1 && (i === 0 || it.suggestions[i - 1]!.score >= s.score)));
    });

    it('answers FORBIDDEN to roles other than coordinators, admins and clinicians', async () => {
      const requestId = await schoolRequest({ language: { code: 'ara' } });
      for (const email of ['amina.elidrissi@demo.ponte.test', 'referente.rodari@demo.ponte.test']) {
        const e = await expectTrpcError(ts.client({ token: await signIn(ts, email) }).coordination.suggestMediators.query({ requestId }));
        assert.equal(e.data?.code, 'FORBIDDEN', email);
      }
      const admin = await ts.client({ token: await signIn(ts, 'admin@demo.ponte.test') }).coordination.suggestMediators.query({ requestId });
      assert.ok(admin.suggestions.length > 0);
      // A clinician sees A.5 requests only.
      const clinician = await expectTrpcError(ts.client({ token: await signIn(ts, 'clinica@demo.ponte.test') }).coordination.suggestMediators.query({ requestId }));
      assert.equal(clinician.data?.code, 'NOT_FOUND');
    });

    it('answers NOT_FOUND for another tenant’s request, both ways, and BAD_REQUEST for a report', async () => {
      const db = ts.server.database.db;
      const other = await createOtherTenant(db);
      const b = ts.client({ key: other.key, origin: OTHER_ORIGIN });
      await b.submissions.submit.mutate({ formId: 'school-request', version: getForm('school-request')!.version, data: sampleFor('school-request', other.schoolId) });
      const theirs = (await db.selectFrom('submissions').select('id').where('tenant_id', '=', other.tenantId).executeTakeFirstOrThrow()).id;
      const e = await expectTrpcError(suggest(theirs));
      assert.equal(e.data?.code, 'NOT_FOUND');
      const ours = await schoolRequest({ language: { code: 'ara' } });
      const otherCoordinator = ts.client({ token: await signIn(ts, other.emails.coordinator, OTHER_PASSWORD) });
      assert.equal((await expectTrpcError(otherCoordinator.coordination.suggestMediators.query({ requestId: ours }))).data?.code, 'NOT_FOUND');

      // Stored directly: how reports are filed is the request lifecycle's business.
      const report = newId();
      await insertSubmission(db, {
        id: report,
        tenantId: (await db.selectFrom('organisations').select('tenant_id').where('id', '=', fx.orgs.rodari).executeTakeFirstOrThrow()).tenant_id,
        organisationId: fx.orgs.rodari,
        formId: 'school-report',
        formVersion: getForm('school-report')!.version,
        protocolYear: 1999,
        protocolSeq: 1,
        protocol: '1999/000001',
        trackingCode: newTrackingCode(),
        status: 'received',
        data: sampleFor('school-report', fx.orgs.rodari),
        submittedVia: 'staff',
        submittedByUserId: null,
        publishableKeyId: null,
        idempotencyKey: null,
        requestHash: sha256(report),
        at: new Date().toISOString(),
      });
      const notARequest = await expectTrpcError(suggest(report));
      assert.equal(notARequest.data?.code, 'BAD_REQUEST');
    });

    it('A.5: clinicians only, audited, and no special-category content in the answer', async () => {
      const operatrice = ts.client({ token: await signIn(ts, 'operatrice.servizi@demo.ponte.test') });
      const data = { ...sampleFor('ethnoclinical-request', fx.orgs.servizi), mediatorGender: 'donna', caseCode: 'EC-2027-314' };
      const receipt = await operatrice.submissions.submit.mutate({ formId: 'ethnoclinical-request', version: getForm('ethnoclinical-request')!.version, data });
      const requestId = await idOf(receipt.trackingCode);

      const refused = await expectTrpcError(suggest(requestId));
      assert.equal(refused.data?.code, 'FORBIDDEN');

      const db = ts.server.database.db;
      const audits = () => db.selectFrom('audit_events').select(['action', 'details']).where('subject_id', '=', requestId).where('action', '=', 'submission.special_category_read').execute();
      assert.equal((await audits()).length, 0, 'a refused call reads nothing');

      const clinician = ts.client({ token: await signIn(ts, 'clinica@demo.ponte.test') });
      const answer = await clinician.coordination.suggestMediators.query({ requestId });
      // Egyptian Arabic: Amina speaks Arabic (C2), not that variety; a woman, as asked.
      const amina = answer.suggestions.find((s) => s.mediatorId === fx.mediators.amina)!;
      assert.deepEqual(amina.reasons.slice(0, 3), [
        { kind: 'language', level: 'C2', points: 8 },
        { kind: 'variety', match: false, points: 0 },
        { kind: 'gender', match: true, points: 25 },
      ]);
      assert.deepEqual(answer.proposedSlots, []);
      assert.ok(answer.suggestions.every((s) => s.book === null));
      const audited = await audits();
      assert.equal(audited.length, 1);

      const text = JSON.stringify(answer);
      const def = getForm('ethnoclinical-request')!;
      const special = def.sections.flatMap((s) => s.fields).filter((f) => f.privacy === 'special').map((f) => f.key);
      const leaves = (value: unknown): string[] =>
        typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(leaves) : [];
      const values = special.flatMap((key) => leaves(data[key as keyof typeof data])).filter((v) => v.length >= 5);
      assert.ok(values.includes('EC-2027-314') && values.includes('Egyptian') && values.includes('donna'));
      for (const value of values) assert.ok(!text.includes(value), `the answer holds "${value}"`);
    });
  });
}
