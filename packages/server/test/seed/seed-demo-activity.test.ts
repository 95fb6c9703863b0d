import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemoActivity } from '../../src/seed/seed-demo-activity.js';
import { databaseKinds } from '../helpers/databases.js';
import { signIn, startTestServer, type TestServer } from '../helpers/test-server.js';

/*
 * `npm start` (--demo-activity) opens the console on requests at every step,
 * made through the procedures: each must be where the newcomer is told it is.
 */
for (const kind of await databaseKinds()) {
  describe(`demo activity on ${kind}`, () => {
    let ts: TestServer;
    before(async () => {
      ts = await startTestServer(kind);
    });
    after(() => ts.close());

    it('leaves one request at each step, a report to countersign and a consultation for the clinicians', async () => {
      const made = await seedDemoActivity(ts.config, ts.server.database);
      const coordinator = ts.client({ token: await signIn(ts, 'coordinatrice@demo.ponte.test') });
      const status = async (id: string) => (await coordinator.requests.get.query({ id })).status;
      assert.deepEqual(
        await Promise.all([made.received, made.inReview, made.approved, made.reported, made.consultation].map(status)),
        ['received', 'in_review', 'approved', 'reported', 'received'],
      );
      const suggestions = await coordinator.coordination.suggestMediators.query({ requestId: made.approved });
      assert.ok(suggestions.suggestions[0]?.book, 'the approved request has a booking ready');

      const referent = ts.client({ token: await signIn(ts, 'referente.manzoni@demo.ponte.test') });
      const toSign = await referent.reports.list.query({ status: 'filed' });
      assert.deepEqual(toSign.map((r) => r.submissionId), [made.reported]);
      assert.equal(toSign[0]!.deliveredMinutes, 60);

      const clinician = ts.client({ token: await signIn(ts, 'clinica@demo.ponte.test') });
      assert.deepEqual((await clinician.requests.queue.query({})).items.map((r) => r.id), [made.consultation]);
    });
  });
}
