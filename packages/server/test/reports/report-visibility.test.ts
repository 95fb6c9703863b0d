import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../../src/auth/password.js';
import { newId } from '../../src/ids.js';
import { databaseKinds } from '../helpers/databases.js';
import { reportKit } from '../helpers/reports.js';
import { schedulingFixture, type SchedulingFixture } from '../helpers/scheduling.js';
import { expectTrpcError, signIn, startTestServer, type TestServer } from '../helpers/test-server.js';

type Client = ReturnType<TestServer['client']>;

/*
 * A report of a consultation (A.4 of an A.5) holds special-category content:
 * docs/architecture.md#special-category-content-a5. Its content is read only by clinicians, the
 * referent who sent the A.5 and the mediator who filed it; every read but
 * the mediator's is audited; coordinators see that it exists; other referents
 * of the organisation do not.
 */
for (const kind of await databaseKinds()) {
  describe(`report visibility on ${kind}`, () => {
    let ts: TestServer;
    let fx: SchedulingFixture;
    let kit: ReturnType<typeof reportKit>;
    let coordinator: Client;
    let admin: Client;
    let rahim: Client;
    let amina: Client;
    let sender: Client;
    let senderToken: string;
    let colleague: Client;
    let manzoniReferent: Client;
    let clinician: Client;
    const db = () => ts.server.database.db;
    const userId = async (email: string) => (await db().selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

    before(async () => {
      ts = await startTestServer(kind);
      fx = await schedulingFixture(ts);
      coordinator = ts.client({ token: fx.coordinator });
      kit = reportKit(ts, fx, coordinator);
      admin = ts.client({ token: await signIn(ts, 'admin@demo.ponte.test') });
      rahim = ts.client({ token: await signIn(ts, 'rahim.uddin@demo.ponte.test') });
      amina = ts.client({ token: await signIn(ts, 'amina.elidrissi@demo.ponte.test') });
      senderToken = await signIn(ts, 'operatrice.servizi@demo.ponte.test');
      sender = ts.client({ token: senderToken });
      manzoniReferent = ts.client({ token: await signIn(ts, 'referente.manzoni@demo.ponte.test') });
      clinician = ts.client({ token: await signIn(ts, 'clinica@demo.ponte.test') });
      // A second referent of the same service, who did not send the consultation.
      const email = 'collega.servizi@demo.ponte.test';
      await db()
        .insertInto('users')
        .values({ id: newId(), tenant_id: (await db().selectFrom('tenants').select('id').executeTakeFirstOrThrow()).id, organisation_id: fx.orgs.servizi, email, display_name: 'Collega', role: 'requester', password_hash: await hashPassword('collega-pass'), disabled_at: null, created_at: new Date().toISOString() })
        .execute();
      colleague = ts.client({ token: await signIn(ts, email, 'collega-pass') });
    });
    after(() => ts.close());

    /** The reads of the request's content recorded through its reports. */
    const reportReads = async (requestId: string) => {
      const rows = await db().selectFrom('audit_events').select(['actor_id', 'details']).where('action', '=', 'submission.special_category_read').where('subject_id', '=', requestId).orderBy('at').execute();
      const purpose = (details: unknown) => (typeof details === 'string' ? JSON.parse(details) : details) as { purpose?: string };
      return rows.filter((r) => purpose(r.details).purpose === 'report').map((r) => r.actor_id);
    };

    it('a consultation’s report: content for its clinicians, sender and mediator, audited; metadata for coordinators; nothing for other referents', async () => {
      const { request, appointment } = await kit.booked('rahim', { formId: 'ethnoclinical-request', approveAs: clinician, sentBy: senderToken });
      const filed = await rahim.reports.file.mutate({ appointmentId: appointment.id, data: kit.reportData(appointment) });
      assert.ok(filed.data.beneficiaries !== undefined, 'the mediator gets back what they filed');

      // The mediator who filed it reads their own words, unaudited.
      assert.ok((await rahim.reports.get.query({ id: filed.id })).data);
      assert.deepEqual(await reportReads(request.id), []);

      const reads = [await userId('clinica@demo.ponte.test'), await userId('operatrice.servizi@demo.ponte.test')];
      for (const client of [clinician, sender]) {
        const r = await client.reports.get.query({ id: filed.id });
        assert.deepEqual(r.data, filed.data);
      }
      assert.deepEqual(await reportReads(request.id), reads);

      for (const client of [coordinator, admin]) {
        const r = await client.reports.get.query({ id: filed.id });
        assert.equal(r.data, null, 'coordinators see that it exists, not what it says');
        assert.equal(r.status, 'filed');
        assert.equal(r.deliveredMinutes, 75);
        assert.equal(r.filedAt, filed.filedAt);
      }
      for (const client of [colleague, manzoniReferent, amina]) {
        const e = await expectTrpcError(client.reports.get.query({ id: filed.id }));
        assert.equal(e.data?.code, 'NOT_FOUND');
      }
      assert.deepEqual(await reportReads(request.id), reads, 'no read without content');

      // Lists: never content; a referent who did not send it is not told of it, nor of its request.
      assert.ok((await colleague.reports.list.query({})).every((r) => r.id !== filed.id && r.submissionId !== request.id));
      assert.deepEqual(await colleague.reports.list.query({ submissionId: request.id }), []);
      for (const client of [sender, coordinator, clinician, rahim]) {
        const listed = (await client.reports.list.query({})).find((r) => r.id === filed.id);
        assert.ok(listed && !('data' in listed));
      }

      // Only the A.5's sender countersigns; their read is audited. Its clinicians read it but do not confirm for the sender.
      const foreign = await expectTrpcError(colleague.reports.countersign.mutate({ id: filed.id }));
      assert.equal(foreign.data?.code, 'NOT_FOUND');
      const notTheirs = await expectTrpcError(clinician.reports.countersign.mutate({ id: filed.id }));
      assert.equal(notTheirs.data?.code, 'FORBIDDEN');
      const signed = await sender.reports.countersign.mutate({ id: filed.id, rating: 4 });
      assert.equal(signed.status, 'countersigned');
      assert.equal((await reportReads(request.id)).length, 3);

      const reopened = await coordinator.reports.reopen.mutate({ id: filed.id, reason: 'Firma da rifare' });
      assert.equal(reopened.status, 'filed');
      assert.equal(reopened.data, null, 'the reopen answer carries no content either');
      assert.equal((await reportReads(request.id)).length, 3);
    });

    it('a consultation sent through the service’s key: no referent sees its report; its clinicians countersign it', async () => {
      const { request, appointment } = await kit.booked('rahim', { formId: 'ethnoclinical-request', approveAs: clinician });
      const filed = await rahim.reports.file.mutate({ appointmentId: appointment.id, data: kit.reportData(appointment) });
      for (const client of [sender, colleague]) {
        assert.equal((await expectTrpcError(client.reports.get.query({ id: filed.id }))).data?.code, 'NOT_FOUND');
        assert.equal((await expectTrpcError(client.reports.countersign.mutate({ id: filed.id }))).data?.code, 'NOT_FOUND');
        assert.ok((await client.reports.list.query({})).every((r) => r.id !== filed.id));
      }
      assert.ok((await clinician.reports.get.query({ id: filed.id })).data);
      for (const client of [coordinator, rahim]) assert.equal((await expectTrpcError(client.reports.countersign.mutate({ id: filed.id }))).data?.code, 'FORBIDDEN');

      // Nobody sent it who could confirm it: the clinicians, who alone read it, do; audited as a read; the request closes.
      const reads = (await reportReads(request.id)).length;
      const signed = await clinician.reports.countersign.mutate({ id: filed.id, rating: 5 });
      assert.equal(signed.status, 'countersigned');
      assert.equal(signed.countersignedByUserId, await userId('clinica@demo.ponte.test'));
      assert.equal((await reportReads(request.id)).length, reads + 1);
      assert.equal((await clinician.requests.get.query({ id: request.id })).status, 'closed');
    });

    it('a consultation whose sender has left the service: its clinicians countersign its report', async () => {
      const sentBy = await signIn(ts, 'collega.servizi@demo.ponte.test', 'collega-pass');
      const { request, appointment } = await kit.booked('rahim', { formId: 'ethnoclinical-request', approveAs: clinician, sentBy });
      const filed = await rahim.reports.file.mutate({ appointmentId: appointment.id, data: kit.reportData(appointment) });
      assert.equal((await expectTrpcError(clinician.reports.countersign.mutate({ id: filed.id }))).data?.code, 'FORBIDDEN', 'while its sender can');
      const leave = (at: string | null) => db().updateTable('users').set({ disabled_at: at }).where('email', '=', 'collega.servizi@demo.ponte.test').execute();
      await leave(new Date().toISOString());
      try {
        const signed = await clinician.reports.countersign.mutate({ id: filed.id });
        assert.equal(signed.status, 'countersigned');
        assert.equal((await clinician.requests.get.query({ id: request.id })).status, 'closed');
      } finally {
        await leave(null); // back, for the tests after this one
      }
    });

    it('an A.3 report stays readable and countersignable by every referent of the service', async () => {
      const { appointment } = await kit.booked('rahim', { formId: 'service-request' });
      const filed = await rahim.reports.file.mutate({ appointmentId: appointment.id, data: kit.reportData(appointment) });
      for (const client of [sender, colleague, coordinator]) assert.deepEqual((await client.reports.get.query({ id: filed.id })).data, filed.data);
      assert.ok((await colleague.reports.list.query({})).some((r) => r.id === filed.id));
      assert.equal((await expectTrpcError(clinician.reports.get.query({ id: filed.id }))).data?.code, 'NOT_FOUND');
      assert.equal((await colleague.reports.countersign.mutate({ id: filed.id })).status, 'countersigned');
    });
  });
}
