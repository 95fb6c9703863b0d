import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseKinds } from '../helpers/databases.js';
import { createOtherTenant, OTHER_PASSWORD, type OtherTenant } from '../helpers/fixtures.js';
import { reportKit, romeSchoolYear } from '../helpers/reports.js';
import { schedulingFixture, type SchedulingFixture } from '../helpers/scheduling.js';
import { expectTrpcError, signIn, startTestServer, type TestServer } from '../helpers/test-server.js';

type Client = ReturnType<TestServer['client']>;

function fieldErrors(e: { data?: unknown }): Record<string, string> {
  return (e.data as { fieldErrors?: Record<string, string> } | undefined)?.fieldErrors ?? {};
}

for (const kind of await databaseKinds()) {
  describe(`reports on ${kind}`, () => {
    let ts: TestServer;
    let fx: SchedulingFixture;
    let other: OtherTenant;
    let coordinator: Client;
    let amina: Client;
    let rahim: Client;
    let referent: Client;
    let rodariReferent: Client;
    let operatrice: Client;
    let clinician: Client;
    let aminaUser: string;
    // Bookings (each on its own past hour) and report data: test/helpers/reports.ts.
    let kit: ReturnType<typeof reportKit>;
    const pastSlot = () => kit.pastSlot();
    const booked = (...args: Parameters<ReturnType<typeof reportKit>['booked']>) => kit.booked(...args);
    const reportData = (...args: Parameters<ReturnType<typeof reportKit>['reportData']>) => kit.reportData(...args);
    const notHeld = (...args: Parameters<ReturnType<typeof reportKit>['notHeld']>) => kit.notHeld(...args);

    before(async () => {
      ts = await startTestServer(kind);
      fx = await schedulingFixture(ts);
      other = await createOtherTenant(ts.server.database.db);
      coordinator = ts.client({ token: fx.coordinator });
      kit = reportKit(ts, fx, coordinator);
      amina = ts.client({ token: await signIn(ts, 'amina.elidrissi@demo.ponte.test') });
      rahim = ts.client({ token: await signIn(ts, 'rahim.uddin@demo.ponte.test') });
      referent = ts.client({ token: await signIn(ts, 'referente.manzoni@demo.ponte.test') });
      rodariReferent = ts.client({ token: await signIn(ts, 'referente.rodari@demo.ponte.test') });
      operatrice = ts.client({ token: await signIn(ts, 'operatrice.servizi@demo.ponte.test') });
      clinician = ts.client({ token: await signIn(ts, 'clinica@demo.ponte.test') });
      aminaUser = (await db().selectFrom('users').select('id').where('email', '=', 'amina.elidrissi@demo.ponte.test').executeTakeFirstOrThrow()).id;
    });
    after(() => ts.close());

    const db = () => ts.server.database.db;
    const statusOf = async (id: string) => (await db().selectFrom('submissions').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

    describe('filing', () => {
      it('files a held report on the mediator’s own appointment: minutes from start and end, outcome and request follow', async () => {
        const { request, appointment } = await booked('amina');
        const report = await amina.reports.file.mutate({ appointmentId: appointment.id, data: reportData(appointment) });
        assert.equal(report.status, 'filed');
        assert.equal(report.formId, 'school-report');
        assert.equal(report.outcome, 'held');
        assert.equal(report.deliveredMinutes, 75);
        assert.equal(report.countedMinutes, 75);
        assert.equal(report.submissionId, request.id);
        const signature = report.data.mediatorSignature as Record<string, unknown>;
        assert.equal(signature.signedBy, aminaUser);
        assert.equal(signature.signedVia, 'staff');

        const a = await coordinator.scheduling.get.query({ id: appointment.id });
        assert.equal(a.status, 'held');
        assert.equal(a.sequence, appointment.sequence + 1);
        assert.equal(await statusOf(request.id), 'reported');
        const detail = await coordinator.requests.get.query({ id: request.id });
        assert.deepEqual(detail.history.map((h) => h.status), ['received', 'in_review', 'approved', 'scheduled', 'held', 'reported']);

        const audit = await db().selectFrom('audit_events').select(['action', 'actor_id', 'details']).where('subject_id', '=', report.id).execute();
        assert.deepEqual(audit.map((e) => e.action), ['report.filed']);
        assert.equal(audit[0]!.actor_id, aminaUser);
        const byReport = await db().selectFrom('audit_events').select('action').where('subject_id', '=', appointment.id).where('action', '=', 'appointment.held').execute();
        assert.equal(byReport.length, 1);
      });

      it('refuses another mediator’s appointment with FORBIDDEN and says why; other roles too; nothing is written', async () => {
        const { appointment } = await booked('amina');
        const before = await db().selectFrom('reports').select('id').execute();
        const foreign = await expectTrpcError(rahim.reports.file.mutate({ appointmentId: appointment.id, data: reportData(appointment) }));
        assert.equal(foreign.data?.code, 'FORBIDDEN');
        assert.match(foreign.message, /assegnato a un altro mediatore/);
        const en = await expectTrpcError(ts.client({ token: await signIn(ts, 'rahim.uddin@demo.ponte.test'), locale: 'en' }).reports.file.mutate({ appointmentId: appointment.id, data: reportData(appointment) }));
        assert.match(en.message, /assigned to another mediator/);
        for (const client of [coordinator, referent, clinician]) {
          const e = await expectTrpcError(client.reports.file.mutate({ appointmentId: appointment.id, data: reportData(appointment) }));
          assert.equal(e.data?.code, 'FORBIDDEN');
        }
        const after = await db().selectFrom('reports').select('id').execute();
        assert.equal(after.length, before.length);
        assert.equal((await coordinator.scheduling.get.query({ id: appointment.id })).status, 'scheduled');
      });

      it('refuses a report before the session, on a cancelled appointment, twice, on the wrong day, with invalid data or the referent’s part', async () => {
        const future = await booked('amina', { start: '2027-03-10T08:00:00Z' });
        const early = await expectTrpcError(amina.reports.file.mutate({ appointmentId: future.appointment.id, data: reportData(future.appointment) }));
        assert.equal(early.data?.code, 'CONFLICT');

        const { appointment } = await booked('amina');
        const wrongDay = await expectTrpcError(amina.reports.file.mutate({ appointmentId: appointment.id, data: reportData(appointment, { sessionDate: '2026-01-05' }) }));
        assert.equal(wrongDay.data?.code, 'BAD_REQUEST');
        assert.match(fieldErrors(wrongDay).sessionDate ?? '', /Data dell’intervento: deve essere il giorno dell’appuntamento/);
        const invalid = await expectTrpcError(amina.reports.file.mutate({ appointmentId: appointment.id, data: reportData(appointment, { description: undefined, endTime: '09:00' }) }));
        assert.equal(invalid.data?.code, 'BAD_REQUEST');
        assert.ok(fieldErrors(invalid).description);
        assert.ok(fieldErrors(invalid).endTime);
        const referentPart = await expectTrpcError(
          amina.reports.file.mutate({ appointmentId: appointment.id, data: reportData(appointment, { referentSignature: { name: 'Marco Villa', confirmed: true } }) }),
        );
        assert.equal(referentPart.data?.code, 'BAD_REQUEST');
        assert.match(fieldErrors(referentPart).referentSignature ?? '', /la compila il referente/);

        const filed = await amina.reports.file.mutate({ appointmentId: appointment.id, data: reportData(appointment) });
        const twice = await expectTrpcError(amina.reports.file.mutate({ appointmentId: appointment.id, data: reportData(appointment) }));
        assert.equal(twice.data?.code, 'CONFLICT');
        assert.match(twice.message, new RegExp(filed.id));

        const cancelled = await booked('amina', { start: '2027-03-11T08:00:00Z' });
        await coordinator.scheduling.cancel.mutate({ id: cancelled.appointment.id });
        const e = await expectTrpcError(amina.reports.file.mutate({ appointmentId: cancelled.appointment.id, data: reportData(cancelled.appointment) }));
        assert.equal(e.data?.code, 'CONFLICT');
      });

      it('leaves the outcome to the report once filed', async () => {
        const { appointment } = await booked('amina');
        await amina.reports.file.mutate({ appointmentId: appointment.id, data: reportData(appointment) });
        const e = await expectTrpcError(coordinator.scheduling.setOutcome.mutate({ id: appointment.id, outcome: 'not_held' }));
        assert.equal(e.data?.code, 'CONFLICT');
        assert.equal((await coordinator.scheduling.get.query({ id: appointment.id })).status, 'held');
      });
    });

    describe('what counts', () => {
      it('counts a short session for the minimum billable time, and a session not held by the tenant’s notice (A.4)', async () => {
        const short = await booked('rahim', { formId: 'service-request' });
        const s = await rahim.reports.file.mutate({ appointmentId: short.appointment.id, data: reportData(short.appointment, { startTime: '10:00', endTime: '10:30' }) });
        assert.equal(s.formId, 'service-report');
        assert.equal(s.deliveredMinutes, 30);
        assert.equal(s.countedMinutes, 60);

        const late = await booked('rahim', { formId: 'service-request' });
        const l = await rahim.reports.file.mutate({ appointmentId: late.appointment.id, data: notHeld(late.appointment, { noticeHours: 2 }) });
        assert.equal(l.outcome, 'not_held');
        assert.equal(l.deliveredMinutes, 0);
        assert.equal(l.countedMinutes, 60);
        assert.equal((await coordinator.scheduling.get.query({ id: late.appointment.id })).status, 'not_held');
        const lateDetail = await coordinator.requests.get.query({ id: late.request.id });
        assert.deepEqual(lateDetail.history.map((h) => h.status).slice(-2), ['not_held', 'reported']);

        const inTime = await booked('rahim', { formId: 'service-request' });
        const t = await rahim.reports.file.mutate({ appointmentId: inTime.appointment.id, data: notHeld(inTime.appointment, { noticeHours: 72 }) });
        assert.equal(t.countedMinutes, 0);

        const byMediator = await booked('rahim', { formId: 'service-request' });
        const m = await rahim.reports.file.mutate({ appointmentId: byMediator.appointment.id, data: notHeld(byMediator.appointment, { notHeldReason: 'disdetta-mediatore', noticeHours: 0 }) });
        assert.equal(m.countedMinutes, 0);

        // The rules are the tenant's: a shorter notice and minimum apply to what is filed from then on.
        await coordinator.scheduling.updateSettings.mutate({ cancellationNoticeHours: 1, minimumBillableMinutes: 30 });
        try {
          const after = await booked('rahim', { formId: 'service-request' });
          const n = await rahim.reports.file.mutate({ appointmentId: after.appointment.id, data: notHeld(after.appointment, { noticeHours: 2 }) });
          assert.equal(n.countedMinutes, 0);
          const shortAfter = await booked('rahim', { formId: 'service-request' });
          const sa = await rahim.reports.file.mutate({ appointmentId: shortAfter.appointment.id, data: reportData(shortAfter.appointment, { startTime: '10:00', endTime: '10:20' }) });
          assert.equal(sa.countedMinutes, 30);
        } finally {
          await coordinator.scheduling.updateSettings.mutate({ cancellationNoticeHours: 48, minimumBillableMinutes: 60 });
        }
      });

      it('shows delivered minutes in budgets.list once countersigned, and what awaits countersigning', async () => {
        const budgetOf = async (client: Client) => (await client.budgets.list.query({ organisationId: fx.orgs.rodari })).find((b) => b.action === '1' && b.minutesGranted > 0 && b.schoolYear === romeSchoolYear())!;
        const before = await budgetOf(coordinator);
        const { request, appointment } = await booked('amina', { org: 'rodari' });
        const report = await amina.reports.file.mutate({ appointmentId: appointment.id, data: reportData(appointment, { startTime: '09:00', endTime: '10:30' }) });
        const filed = await budgetOf(coordinator);
        assert.equal(filed.minutesDelivered, before.minutesDelivered);
        assert.equal(filed.minutesAwaitingCountersignature, before.minutesAwaitingCountersignature + 90);
        await rodariReferent.reports.countersign.mutate({ id: report.id });
        const signed = await budgetOf(coordinator);
        assert.equal(signed.minutesDelivered, before.minutesDelivered + 90);
        assert.equal(signed.minutesAwaitingCountersignature, before.minutesAwaitingCountersignature);
        assert.equal(signed.minutesUsed, before.minutesUsed + 90, 'the appointment uses what its report counts');
        assert.deepEqual(await budgetOf(rodariReferent), signed);
        assert.equal(await statusOf(request.id), 'closed');
      });
    });

    describe('countersigning, correcting, reopening', () => {
      it('corrects until countersigned; then only a coordinator reopens it, audited; the request closes and reopens with it', async () => {
        const { request, appointment } = await booked('amina');
        const report = await amina.reports.file.mutate({ appointmentId: appointment.id, data: reportData(appointment, { startTime: '10:00', endTime: '11:00' }) });
        const corrected = await amina.reports.correct.mutate({ id: report.id, data: reportData(appointment, { startTime: '10:00', endTime: '11:30' }) });
        assert.equal(corrected.revision, 2);
        assert.equal(corrected.deliveredMinutes, 90);
        assert.equal(corrected.countedMinutes, 90);
        const foreign = await expectTrpcError(rahim.reports.correct.mutate({ id: report.id, data: reportData(appointment) }));
        assert.equal(foreign.data?.code, 'FORBIDDEN');
        assert.match(foreign.message, /un altro mediatore/);

        for (const [client, code] of [[rodariReferent, 'NOT_FOUND'], [amina, 'FORBIDDEN'], [coordinator, 'FORBIDDEN']] as const) {
          const e = await expectTrpcError(client.reports.countersign.mutate({ id: report.id }));
          assert.equal(e.data?.code, code);
        }
        const badRating = await expectTrpcError(referent.reports.countersign.mutate({ id: report.id, rating: 9 }));
        assert.equal(badRating.data?.code, 'BAD_REQUEST');
        assert.ok(fieldErrors(badRating).rating);

        const signed = await referent.reports.countersign.mutate({ id: report.id, rating: 5 });
        assert.equal(signed.status, 'countersigned');
        const countersignature = signed.data.referentSignature as Record<string, unknown>;
        assert.equal(countersignature.name, 'Marco Villa');
        assert.equal(countersignature.confirmed, true);
        assert.equal(countersignature.signedAt, signed.countersignedAt);
        assert.equal(signed.data.referentRating, 5);
        assert.equal((signed.data.mediatorSignature as Record<string, unknown>).signedBy, aminaUser, 'the mediator’s signature keeps its stamp');
        assert.equal(await statusOf(request.id), 'closed');

        const late = await expectTrpcError(amina.reports.correct.mutate({ id: report.id, data: reportData(appointment) }));
        assert.equal(late.data?.code, 'CONFLICT');
        assert.match(late.message, /solo il coordinamento può riaprirla/);
        const twice = await expectTrpcError(referent.reports.countersign.mutate({ id: report.id }));
        assert.equal(twice.data?.code, 'CONFLICT');

        for (const client of [amina, referent]) {
          const e = await expectTrpcError(client.reports.reopen.mutate({ id: report.id, reason: 'x' }));
          assert.equal(e.data?.code, 'FORBIDDEN');
        }
        const reopened = await coordinator.reports.reopen.mutate({ id: report.id, reason: 'Orario di fine da verificare con la scuola' });
        assert.equal(reopened.status, 'filed');
        assert.equal(reopened.countersignedAt, null);
        assert.ok(reopened.data, 'an A.2 is no special-category content: the coordinator reads it');
        assert.equal(reopened.data.referentSignature, undefined);
        assert.equal(reopened.data.referentRating, undefined);
        const audit = await db().selectFrom('audit_events').select(['action', 'details']).where('subject_id', '=', report.id).orderBy('at').execute();
        assert.deepEqual(audit.map((e) => e.action), ['report.filed', 'report.corrected', 'report.countersigned', 'report.reopened']);
        const details = JSON.stringify(audit.at(-1)!.details);
        assert.match(details, /Orario di fine da verificare/);
        assert.match(details, /Marco Villa/);
        assert.equal(await statusOf(request.id), 'reported');
        const again = await expectTrpcError(coordinator.reports.reopen.mutate({ id: report.id, reason: 'di nuovo' }));
        assert.equal(again.data?.code, 'CONFLICT');

        await amina.reports.correct.mutate({ id: report.id, data: reportData(appointment, { startTime: '10:00', endTime: '11:10' }) });
        await referent.reports.countersign.mutate({ id: report.id });
        assert.equal(await statusOf(request.id), 'closed');
        const detail = await coordinator.requests.get.query({ id: request.id });
        assert.deepEqual(detail.history.map((h) => h.status).slice(-4), ['reported', 'closed', 'reported', 'closed']);
      });

      it('moves a request of two sessions to reported with the second report, and closes it with the second countersign', async () => {
        const { request, appointment: first } = await booked('amina');
        const { appointments } = await coordinator.scheduling.book.mutate({ mediatorId: fx.mediators.amina!, organisationId: fx.orgs.manzoni, submissionId: request.id, action: '1', start: pastSlot(), durationMinutes: 60, mode: 'video' });
        const second = appointments[0]!;
        const r1 = await amina.reports.file.mutate({ appointmentId: first.id, data: reportData(first) });
        assert.equal(await statusOf(request.id), 'scheduled');
        const r2 = await amina.reports.file.mutate({ appointmentId: second.id, data: notHeld(second) });
        assert.equal(await statusOf(request.id), 'reported');
        await referent.reports.countersign.mutate({ id: r1.id });
        assert.equal(await statusOf(request.id), 'reported');
        await referent.reports.countersign.mutate({ id: r2.id });
        assert.equal(await statusOf(request.id), 'closed');
      });
    });

    describe('who sees reports', () => {
      it('its mediator, the referents of its organisation, coordinators; clinicians those of consultations; nobody of another tenant', async () => {
        // What a consultation's report shows to whom: report-visibility.test.ts.
        const { appointment } = await booked('amina');
        const report = await amina.reports.file.mutate({ appointmentId: appointment.id, data: reportData(appointment) });
        for (const client of [amina, referent, coordinator]) assert.equal((await client.reports.get.query({ id: report.id })).id, report.id);
        const otherCoordinator = ts.client({ token: await signIn(ts, other.emails.coordinator, OTHER_PASSWORD) });
        for (const client of [rahim, rodariReferent, clinician, otherCoordinator]) {
          const e = await expectTrpcError(client.reports.get.query({ id: report.id }));
          assert.equal(e.data?.code, 'NOT_FOUND');
        }
        const mine = await amina.reports.list.query({});
        assert.ok(mine.some((r) => r.id === report.id));
        assert.ok(mine.every((r) => r.mediatorId === fx.mediators.amina && !('data' in r)));
        assert.equal((await rahim.reports.list.query({ mediatorId: fx.mediators.amina })).length, 0);
        const school = await referent.reports.list.query({ status: 'filed' });
        assert.ok(school.some((r) => r.id === report.id));
        assert.ok(school.every((r) => r.organisationId === fx.orgs.manzoni && r.status === 'filed'));
        assert.equal((await rodariReferent.reports.list.query({ organisationId: fx.orgs.manzoni })).length, 0);
        assert.equal((await otherCoordinator.reports.list.query({})).length, 0);

        const consultation = await booked('rahim', { formId: 'ethnoclinical-request', approveAs: clinician });
        const a4 = await rahim.reports.file.mutate({ appointmentId: consultation.appointment.id, data: reportData(consultation.appointment) });
        assert.equal((await clinician.reports.get.query({ id: a4.id })).id, a4.id);
        const clinicians = await clinician.reports.list.query({});
        assert.deepEqual(clinicians.map((r) => r.id), [a4.id]);
        assert.equal(a4.formId, 'service-report');
        // The A.5 came through the service's key: no referent sent it, none sees its report.
        assert.equal((await expectTrpcError(operatrice.reports.get.query({ id: a4.id }))).data?.code, 'NOT_FOUND');
        assert.equal((await coordinator.reports.get.query({ id: a4.id })).data, null);
      });
    });
  });
}
