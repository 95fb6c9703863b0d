import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseKinds } from '../helpers/databases.js';
import { reportKit, romeSchoolYear } from '../helpers/reports.js';
import { schedulingFixture, type SchedulingFixture } from '../helpers/scheduling.js';
import { expectTrpcError, signIn, startTestServer, type TestServer } from '../helpers/test-server.js';

type Client = ReturnType<TestServer['client']>;

/*
 * One definition of "used": an appointment's billed minutes, which budgets
 * and the booking guard count, become its report's counted minutes in the
 * report's own transaction (the tenant's rules decide what counts:
 * docs/architecture.md#budgets-and-billed-minutes).
 */
for (const kind of await databaseKinds()) {
  describe(`reports and the budget on ${kind}`, () => {
    let ts: TestServer;
    let fx: SchedulingFixture;
    let kit: ReturnType<typeof reportKit>;
    let coordinator: Client;
    let amina: Client;
    let referent: Client;

    before(async () => {
      ts = await startTestServer(kind);
      fx = await schedulingFixture(ts);
      coordinator = ts.client({ token: fx.coordinator });
      kit = reportKit(ts, fx, coordinator);
      amina = ts.client({ token: await signIn(ts, 'amina.elidrissi@demo.ponte.test') });
      referent = ts.client({ token: await signIn(ts, 'referente.rodari@demo.ponte.test') });
    });
    after(() => ts.close());

    const budget = async () => (await coordinator.budgets.list.query({ organisationId: fx.orgs.rodari, schoolYear: romeSchoolYear() })).find((b) => b.action === '1')!;
    /** Grants what is used now plus `spare` minutes. */
    const grantSpare = async (spare: number) => {
      const used = (await budget())?.minutesUsed ?? 0;
      await coordinator.budgets.set.mutate({ organisationId: fx.orgs.rodari, action: '1', schoolYear: romeSchoolYear(), hours: (used + spare) / 60 });
    };
    const bookRahim = () =>
      coordinator.scheduling.book.mutate({ mediatorId: fx.mediators.rahim!, organisationId: fx.orgs.rodari, action: '1', start: kit.pastSlot(), durationMinutes: 60, mode: 'video' });

    it('a session called off in time and reported not held frees its hours, and a booking refused before goes through', async () => {
      await grantSpare(90);
      const { appointment } = await kit.booked('amina', { org: 'rodari' });
      const booked = await budget();
      assert.equal(booked.minutesRemaining, 30);
      const refused = await expectTrpcError(bookRahim());
      assert.equal(refused.data?.code, 'PRECONDITION_FAILED');

      const report = await amina.reports.file.mutate({ appointmentId: appointment.id, data: kit.notHeld(appointment, { noticeHours: 72 }) });
      assert.equal(report.countedMinutes, 0);
      const a = await coordinator.scheduling.get.query({ id: appointment.id });
      assert.equal(a.billedMinutes, 0);
      assert.equal(a.status, 'not_held');
      assert.equal(a.sequence, appointment.sequence + 1, 'one change, one raise');
      const freed = await budget();
      assert.equal(freed.minutesUsed, booked.minutesUsed - 60);
      assert.equal(freed.minutesRemaining, 90);

      await bookRahim();
      assert.equal((await budget()).minutesRemaining, 30);
    });

    it('an overrun counts its real length; a correction and a reopening keep the budget on the report', async () => {
      await grantSpare(600);
      const before = await budget();
      const { appointment } = await kit.booked('amina', { org: 'rodari' });
      const report = await amina.reports.file.mutate({ appointmentId: appointment.id, data: kit.reportData(appointment, { startTime: '09:00', endTime: '10:30' }) });
      assert.equal(report.countedMinutes, 90);
      assert.equal((await budget()).minutesUsed, before.minutesUsed + 90);
      const a = await coordinator.scheduling.get.query({ id: appointment.id });
      assert.equal(a.billedMinutes, 90);
      assert.equal(a.sequence, appointment.sequence + 1);

      // Shorter than the minimum billable time: the minimum counts.
      await amina.reports.correct.mutate({ id: report.id, data: kit.reportData(appointment, { startTime: '09:00', endTime: '09:40' }) });
      assert.equal((await budget()).minutesUsed, before.minutesUsed + 60);
      const corrected = await coordinator.scheduling.get.query({ id: appointment.id });
      assert.equal(corrected.billedMinutes, 60);
      assert.equal(corrected.sequence, a.sequence + 1);

      await referent.reports.countersign.mutate({ id: report.id });
      await coordinator.reports.reopen.mutate({ id: report.id, reason: 'Orari da verificare' });
      assert.equal((await budget()).minutesUsed, before.minutesUsed + 60);
      assert.equal((await coordinator.scheduling.get.query({ id: appointment.id })).sequence, corrected.sequence, 'nothing to change, no raise');
      await amina.reports.correct.mutate({ id: report.id, data: kit.reportData(appointment, { startTime: '09:00', endTime: '11:00' }) });
      const after = await budget();
      assert.equal(after.minutesUsed, before.minutesUsed + 120);
      assert.equal(after.minutesAwaitingCountersignature, before.minutesAwaitingCountersignature + 120);
    });
  });
}
