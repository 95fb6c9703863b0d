import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseKinds } from '../helpers/databases.js';
import { organisationIdByKey } from '../helpers/fixtures.js';
import { sampleFor } from '../helpers/samples.js';
import { expectTrpcError, signIn, startTestServer, type TestServer } from '../helpers/test-server.js';

/*
 * The school questionnaire is answered once per school and school year
 * (docs/architecture.md#one-answer-per-school-year): a later answer for the
 * same year corrects the first, keeping its protocol number and tracking
 * code, and the answer it replaced is kept.
 */

const FORM = { formId: 'school-questionnaire', version: 1 } as const;

for (const kind of await databaseKinds()) {
  describe(`one questionnaire answer per school and year, on ${kind}`, () => {
    let ts: TestServer;
    let manzoni: string;
    let rodari: string;

    before(async () => {
      ts = await startTestServer(kind);
      manzoni = await organisationIdByKey(ts.server.database.db, 'pk_demo_manzoni');
      rodari = await organisationIdByKey(ts.server.database.db, 'pk_demo_rodari');
    });
    after(() => ts.close());

    const answer = (organisationId: string, schoolYear: string, trainingNeeds: string) => ({
      ...FORM,
      data: { ...sampleFor('school-questionnaire', organisationId), schoolYear, trainingNeeds },
    });
    const rowsOf = (organisationId: string, schoolYear: string) =>
      ts.server.database.db
        .selectFrom('submissions')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('form_id', '=', FORM.formId)
        .where('answers_for', '=', schoolYear)
        .execute();
    const revisionsOf = (submissionId: string) =>
      ts.server.database.db.selectFrom('submission_revisions').selectAll().where('submission_id', '=', submissionId).orderBy('revision').execute();
    const auditOf = (submissionId: string) =>
      ts.server.database.db.selectFrom('audit_events').select(['action', 'details']).where('subject_id', '=', submissionId).orderBy('at').orderBy('id').execute();
    const dataOf = (row: { data: unknown }) => (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<string, unknown>;

    it('takes a second answer for the same year as a correction: the same protocol and code, the first answer kept', async () => {
      const school = ts.client({ key: 'pk_demo_manzoni' });
      const first = await school.submissions.submit.mutate(answer(manzoni, '2024/25', 'Prima risposta.'));
      const second = await school.submissions.submit.mutate(answer(manzoni, '2024/25', 'Risposta corretta.'));
      assert.equal(second.protocol, first.protocol);
      assert.equal(second.trackingCode, first.trackingCode);
      assert.equal(first.correction, undefined);
      assert.equal(second.correction, true);
      assert.ok(Date.parse(second.submittedAt) >= Date.parse(first.submittedAt));

      const [row, ...others] = await rowsOf(manzoni, '2024/25');
      assert.equal(others.length, 0);
      assert.equal(dataOf(row!).trainingNeeds, 'Risposta corretta.');
      const [kept, ...more] = await revisionsOf(row!.id);
      assert.equal(more.length, 0);
      assert.equal(kept!.revision, 1);
      assert.equal(dataOf(kept!).trainingNeeds, 'Prima risposta.');
      assert.equal(new Date(kept!.submitted_at).toISOString(), first.submittedAt);
      assert.equal(new Date(kept!.replaced_at).toISOString(), second.submittedAt);
      assert.notEqual(kept!.request_hash, row!.request_hash);

      const audit = await auditOf(row!.id);
      assert.deepEqual(audit.map((a) => a.action), ['submission.created', 'submission.corrected']);
      assert.deepEqual(dataOf({ data: audit[1]!.details }), { formId: FORM.formId, version: 1, protocol: first.protocol, revision: 1 });

      // A third answer keeps the second, as revision 2, sent when the first was replaced.
      await school.submissions.submit.mutate(answer(manzoni, '2024/25', 'Terza risposta.'));
      const revisions = await revisionsOf(row!.id);
      assert.deepEqual(revisions.map((r) => [r.revision, dataOf(r).trainingNeeds]), [[1, 'Prima risposta.'], [2, 'Risposta corretta.']]);
      assert.equal(new Date(revisions[1]!.submitted_at).toISOString(), second.submittedAt);
    });

    it('shows the answers replaced to whoever may read the answer: the Ambito’s coordinators and the school’s referent', async () => {
      const school = ts.client({ key: 'pk_demo_manzoni' });
      const first = await school.submissions.submit.mutate(answer(manzoni, '2028/29', 'Versione uno.'));
      await school.submissions.submit.mutate(answer(manzoni, '2028/29', 'Versione due.'));
      const [row] = await rowsOf(manzoni, '2028/29');
      const coordinator = ts.client({ token: await signIn(ts, 'coordinatrice@demo.ponte.test') });
      const history = await coordinator.submissions.revisions.query({ id: row!.id });
      assert.deepEqual(history.map((h) => [h.revision, h.formVersion, h.submittedVia, h.data.trainingNeeds, h.submittedAt]), [[1, 1, 'key', 'Versione uno.', first.submittedAt]]);
      assert.ok(Date.parse(history[0]!.replacedAt) >= Date.parse(first.submittedAt));
      const referent = ts.client({ token: await signIn(ts, 'referente.manzoni@demo.ponte.test') });
      assert.equal((await referent.submissions.revisions.query({ id: row!.id })).length, 1);
      const otherSchool = ts.client({ token: await signIn(ts, 'referente.rodari@demo.ponte.test') });
      assert.equal((await expectTrpcError(otherSchool.submissions.revisions.query({ id: row!.id }))).data?.code, 'NOT_FOUND');
      // Never corrected: no earlier answers.
      await ts.client({ key: 'pk_demo_rodari' }).submissions.submit.mutate(answer(rodari, '2024/25', 'Una sola.'));
      const [single] = await rowsOf(rodari, '2024/25');
      assert.deepEqual(await coordinator.submissions.revisions.query({ id: single!.id }), []);
    });

    it('changes nothing when the answer standing is sent again, under any idempotency key', async () => {
      const school = ts.client({ key: 'pk_demo_manzoni' });
      const first = await school.submissions.submit.mutate({ ...answer(manzoni, '2025/26', 'Uguale.'), idempotencyKey: 'questionnaire-same-1' });
      const again = await school.submissions.submit.mutate({ ...answer(manzoni, '2025/26', 'Uguale.'), idempotencyKey: 'questionnaire-same-2' });
      assert.deepEqual(again, first);
      const [row] = await rowsOf(manzoni, '2025/26');
      assert.deepEqual(await revisionsOf(row!.id), []);
      assert.deepEqual((await auditOf(row!.id)).map((a) => a.action), ['submission.created']);
    });

    it('gives another year, and another school, answers of their own', async () => {
      const a = await ts.client({ key: 'pk_demo_manzoni' }).submissions.submit.mutate(answer(manzoni, '2026/27', 'Manzoni.'));
      const b = await ts.client({ key: 'pk_demo_manzoni' }).submissions.submit.mutate(answer(manzoni, '2027/28', 'Manzoni, anno dopo.'));
      const c = await ts.client({ key: 'pk_demo_rodari' }).submissions.submit.mutate(answer(rodari, '2026/27', 'Rodari.'));
      assert.equal(new Set([a.protocol, b.protocol, c.protocol]).size, 3);
      assert.equal((await rowsOf(manzoni, '2026/27')).length, 1);
      assert.equal((await rowsOf(rodari, '2026/27')).length, 1);
    });

    it('makes answers sent at once one answer and its corrections, and spends one protocol number', async () => {
      const school = ts.client({ key: 'pk_demo_rodari' });
      const texts = ['Dalla prima finestra.', 'Dalla seconda.', 'Dalla terza.', 'Dalla quarta.'];
      const receipts = await Promise.all(texts.map((text) => school.submissions.submit.mutate(answer(rodari, '2028/29', text))));
      const x = receipts[0]!;
      assert.deepEqual(new Set(receipts.map((r) => `${r.protocol} ${r.trackingCode}`)), new Set([`${x.protocol} ${x.trackingCode}`]));
      const [row, ...others] = await rowsOf(rodari, '2028/29');
      assert.equal(others.length, 0);
      const revisions = await revisionsOf(row!.id);
      assert.deepEqual(revisions.map((r) => r.revision), [1, 2, 3]);
      // Whichever came last stands; every other is kept.
      assert.deepEqual(new Set([dataOf(row!).trainingNeeds, ...revisions.map((r) => dataOf(r).trainingNeeds)]), new Set(texts));
      // The number the losing insert took went back with it: the next is the one after.
      const next = await school.submissions.submit.mutate({ formId: 'school-request', version: 1, data: sampleFor('school-request', rodari) });
      const [year, seq] = x.protocol.split('/').map(Number);
      const [nextYear, nextSeq] = next.protocol.split('/').map(Number);
      if (nextYear === year) assert.equal(nextSeq, seq! + 1);
    });

    it('lets a coordinator correct a school’s answer on its behalf, recorded as staff', async () => {
      const coordinator = ts.client({ token: await signIn(ts, 'coordinatrice@demo.ponte.test') });
      const first = await ts.client({ key: 'pk_demo_rodari' }).submissions.submit.mutate(answer(rodari, '2029/30', 'Dalla scuola.'));
      const corrected = await coordinator.submissions.submit.mutate({ ...answer(rodari, '2029/30', 'Corretta dal coordinamento.'), organisationId: rodari });
      assert.equal(corrected.protocol, first.protocol);
      const [row] = await rowsOf(rodari, '2029/30');
      assert.equal(row!.submitted_via, 'staff');
      assert.notEqual(row!.submitted_by_user_id, null);
      const [kept] = await revisionsOf(row!.id);
      assert.equal(kept!.submitted_via, 'key');
      assert.notEqual(kept!.publishable_key_id, null);
    });
  });
}
