import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseKinds } from '../helpers/databases.js';
import { createOtherTenant, OTHER_PASSWORD, type OtherTenant } from '../helpers/fixtures.js';
import { sendRequest, type SentRequest } from '../helpers/requests.js';
import { romeWinter, schedulingFixture, type SchedulingFixture } from '../helpers/scheduling.js';
import { expectTrpcError, signIn, startTestServer, type TestServer } from '../helpers/test-server.js';

/*
 * The appointments of ethnoclinical consultations (A.5) are the clinicians'
 * (src/scheduling/consultations.ts): they book them for an approved A.5,
 * inside the mediator's availability, and list, get and cancel them; they
 * book nothing else; coordinators no longer book them but see that they exist.
 */

type Client = ReturnType<TestServer['client']>;

for (const kind of await databaseKinds()) {
  describe(`consultation booking on ${kind}`, () => {
    let ts: TestServer;
    let fx: SchedulingFixture;
    let other: OtherTenant;
    let coordinator: Client;
    let admin: Client;
    let clinician: Client;
    let operatrice: Client;

    before(async () => {
      ts = await startTestServer(kind);
      fx = await schedulingFixture(ts);
      other = await createOtherTenant(ts.server.database.db);
      coordinator = ts.client({ token: fx.coordinator });
      admin = ts.client({ token: await signIn(ts, 'admin@demo.ponte.test') });
      clinician = ts.client({ token: await signIn(ts, 'clinica@demo.ponte.test') });
      operatrice = ts.client({ token: await signIn(ts, 'operatrice.servizi@demo.ponte.test') });
    });
    after(() => ts.close());

    /** An A.5 sent by the social service's operator and approved by the clinician. */
    const approvedA5 = async (): Promise<SentRequest> => {
      const r = await sendRequest(ts, 'ethnoclinical-request', fx.orgs.servizi, { token: await signIn(ts, 'operatrice.servizi@demo.ponte.test') });
      await clinician.requests.review.mutate({ id: r.id });
      await clinician.requests.approve.mutate({ id: r.id, hoursAuthorised: 4 });
      return r;
    };
    const approvedA1 = async (): Promise<SentRequest> => {
      const r = await sendRequest(ts, 'school-request', fx.orgs.manzoni, { key: 'pk_demo_manzoni' });
      await coordinator.requests.review.mutate({ id: r.id });
      await coordinator.requests.approve.mutate({ id: r.id, hoursAuthorised: 4 });
      return r;
    };
    /** Amina works Monday to Friday, 08:30–13:00 and 14:00–17:00 (seed). */
    const consultation = (submissionId: string, date: string, time = '09:00') => ({
      mediatorId: fx.mediators.amina!,
      organisationId: fx.orgs.servizi,
      submissionId,
      action: '2' as const,
      start: romeWinter(date, time),
      durationMinutes: 60,
      mode: 'video' as const,
      caseCode: 'EC-101',
    });

    /** Amina's whole day opened by the coordinator: a clinician books inside availability, even a meeting already held. */
    const openAminaDay = (date: string) => coordinator.availability.addException.mutate({ mediatorId: fx.mediators.amina!, date, kind: 'available' });

    it('a clinician books an approved A.5 inside the mediator’s availability: the request is scheduled', async () => {
      const r = await approvedA5();
      const outside = await expectTrpcError(clinician.scheduling.book.mutate(consultation(r.id, '2027-02-06'))); // a Saturday
      assert.equal(outside.data?.code, 'CONFLICT');
      const override = await expectTrpcError(clinician.scheduling.book.mutate({ ...consultation(r.id, '2027-02-01'), override: true, overrideReason: 'urgente' }));
      assert.equal(override.data?.code, 'FORBIDDEN', 'the hour budget is the coordinators’');

      const { appointments } = await clinician.scheduling.book.mutate(consultation(r.id, '2027-02-01'));
      const [a] = appointments;
      assert.ok(a);
      assert.equal(a.submissionId, r.id);
      assert.equal(a.status, 'scheduled');
      const read = await clinician.requests.get.query({ id: r.id });
      assert.equal(read.status, 'scheduled');
      assert.deepEqual(read.appointments.map((x) => x.id), [a.id]);

      // Coordinators see that it exists (time, mediator, organisation) as they see the request's status: no content.
      const seen = await coordinator.scheduling.get.query({ id: a.id });
      assert.deepEqual([seen.startsAt, seen.mediatorId, seen.organisationId], [a.startsAt, a.mediatorId, a.organisationId]);
      const request = await coordinator.requests.get.query({ id: r.id });
      assert.equal(request.status, 'scheduled');
      assert.equal(request.data, null);
    });

    it('a clinician books nothing but an A.5: not without a request, not for an A.1', async () => {
      const a1 = await approvedA1();
      const bare = { ...consultation(a1.id, '2027-02-02'), submissionId: undefined };
      for (const locale of ['it', 'en'] as const) {
        const client = ts.client({ token: await signIn(ts, 'clinica@demo.ponte.test'), locale });
        const none = await expectTrpcError(client.scheduling.book.mutate(bare));
        assert.equal(none.data?.code, 'FORBIDDEN');
        assert.match(none.message, locale === 'it' ? /team clinico.*\(A\.5\)/ : /clinical team.*\(A\.5\)/);
        const school = await expectTrpcError(client.scheduling.book.mutate({ ...consultation(a1.id, '2027-02-02'), organisationId: fx.orgs.manzoni, action: '1' }));
        assert.equal(school.data?.code, 'FORBIDDEN');
        assert.equal(school.message, none.message);
      }
      assert.equal((await coordinator.requests.get.query({ id: a1.id })).status, 'approved');
    });

    it('coordinators, admins and its sender no longer book an A.5, and are pointed to the clinical team', async () => {
      const r = await approvedA5();
      for (const [client, locale] of [[coordinator, 'it'], [admin, 'it'], [operatrice, 'it']] as const) {
        const e = await expectTrpcError(client.scheduling.book.mutate(consultation(r.id, '2027-02-03')));
        assert.equal(e.data?.code, 'FORBIDDEN');
        assert.match(e.message, locale === 'it' ? /programma il team clinico/ : /clinical team/);
      }
      const en = await expectTrpcError(ts.client({ token: fx.coordinator, locale: 'en' }).scheduling.book.mutate(consultation(r.id, '2027-02-03')));
      assert.match(en.message, /scheduled by the clinical team/);
      assert.equal((await clinician.requests.get.query({ id: r.id })).status, 'approved');
      const booked = await ts.server.database.db.selectFrom('appointments').select('id').where('submission_id', '=', r.id).execute();
      assert.deepEqual(booked, []);
    });

    it('a clinician lists, gets, downloads and cancels consultations only; rescheduling stays the coordinators’', async () => {
      const r = await approvedA5();
      const a1 = await approvedA1();
      const mine = (await clinician.scheduling.book.mutate(consultation(r.id, '2027-02-04'))).appointments[0]!;
      const school = (await coordinator.scheduling.book.mutate({ ...consultation(a1.id, '2027-02-04', '11:00'), organisationId: fx.orgs.manzoni, action: '1', caseCode: 'MZ-101' })).appointments[0]!;
      const bare = (await coordinator.scheduling.book.mutate({ ...consultation(a1.id, '2027-02-04', '14:00'), submissionId: undefined, organisationId: fx.orgs.manzoni, action: '1' })).appointments[0]!;

      const window = { from: '2027-02-04T00:00:00Z', to: '2027-02-05T00:00:00Z' };
      assert.deepEqual((await clinician.scheduling.list.query(window)).map((a) => a.id), [mine.id]);
      assert.deepEqual(new Set((await coordinator.scheduling.list.query(window)).map((a) => a.id)), new Set([mine.id, school.id, bare.id]));
      assert.equal((await clinician.scheduling.get.query({ id: mine.id })).id, mine.id);
      const file = await clinician.scheduling.calendarFile.query({ id: mine.id });
      assert.match(file.content, new RegExp(`UID:${mine.id}@`));
      for (const id of [school.id, bare.id]) {
        for (const call of [() => clinician.scheduling.get.query({ id }), () => clinician.scheduling.calendarFile.query({ id }), () => clinician.scheduling.cancel.mutate({ id })]) {
          assert.equal((await expectTrpcError(call())).data?.code, 'NOT_FOUND');
        }
      }
      const move = await expectTrpcError(clinician.scheduling.reschedule.mutate({ id: mine.id, start: romeWinter('2027-02-04', '10:00') }));
      assert.equal(move.data?.code, 'FORBIDDEN');

      const cancelled = await clinician.scheduling.cancel.mutate({ id: mine.id, reason: 'famiglia non disponibile' });
      assert.equal(cancelled.status, 'cancelled');
      assert.equal((await clinician.requests.get.query({ id: r.id })).status, 'approved', 'the last appointment cancelled takes it back');
    });

    it('a clinician holds a consultation without a mediator: nobody’s time or hours, no report to wait for', async () => {
      const r = await approvedA5();
      // A Saturday evening, outside every mediator's availability, and a time already past: recorded afterwards.
      const alone = { ...consultation(r.id, '2026-11-21', '18:00'), mediatorId: null, caseCode: 'EC-102' };
      const series = await expectTrpcError(clinician.scheduling.book.mutate({ ...alone, series: { weeklyCount: 3 } }));
      assert.equal(series.data?.code, 'BAD_REQUEST');
      assert.match(series.message, /senza mediatore si prenota un incontro alla volta/);
      assert.ok((series.data as { fieldErrors?: Record<string, string> }).fieldErrors?.series);
      const [a] = (await clinician.scheduling.book.mutate(alone)).appointments;
      assert.ok(a);
      assert.equal(a.mediatorId, null);
      assert.equal(a.billedMinutes, 0, 'the budgets count mediators’ hours');
      assert.equal((await clinician.requests.get.query({ id: r.id })).status, 'scheduled');

      // Nobody else books without a mediator, and a mediator's time at that hour stays free.
      const a1 = await approvedA1();
      const school = { ...consultation(a1.id, '2026-11-21', '18:00'), organisationId: fx.orgs.manzoni, action: '1' as const, mediatorId: null };
      for (const client of [coordinator, ts.client({ key: 'pk_demo_manzoni' })]) {
        const e = await expectTrpcError(client.scheduling.book.mutate(school));
        assert.equal(e.data?.code, 'BAD_REQUEST');
        assert.ok((e.data as { fieldErrors?: Record<string, string> }).fieldErrors?.mediatorId);
      }
      const same = await coordinator.scheduling.book.mutate({ ...school, mediatorId: fx.mediators.amina! });
      assert.equal(same.appointments[0]!.startsAt, a.startsAt);

      const file = await clinician.scheduling.calendarFile.query({ id: a.id });
      assert.match(file.content, /DESCRIPTION:Senza mediatore/);
      assert.equal((await coordinator.scheduling.get.query({ id: a.id })).mediatorId, null, 'coordinators see that it exists');

      // Moved, it still uses no hours.
      const moved = await coordinator.scheduling.reschedule.mutate({ id: a.id, start: romeWinter('2026-11-21', '17:00'), durationMinutes: 90 });
      assert.equal(moved.billedMinutes, 0);

      // The clinician records that it was held; reports are the mediators', so the request is done.
      await clinician.scheduling.setOutcome.mutate({ id: a.id, outcome: 'held' });
      const done = await clinician.requests.get.query({ id: r.id });
      assert.equal(done.status, 'closed');
      assert.equal(done.appointments[0]!.status, 'held');

      // A consultation with a mediator: the outcome is the mediator's (their report), not the clinicians'.
      const withMediator = await approvedA5();
      await openAminaDay('2026-11-20');
      const b = (await clinician.scheduling.book.mutate(consultation(withMediator.id, '2026-11-20'))).appointments[0]!;
      const notTheirs = await expectTrpcError(clinician.scheduling.setOutcome.mutate({ id: b.id, outcome: 'held' }));
      assert.equal(notTheirs.data?.code, 'FORBIDDEN');
    });

    it('a consultation without a mediator cancelled late still uses no hours', async () => {
      const r = await approvedA5();
      // Within the notice: in an hour and a half, on the quarter hour.
      const soon = new Date(Math.ceil((Date.now() + 90 * 60_000) / 900_000) * 900_000).toISOString();
      const [a] = (await clinician.scheduling.book.mutate({ ...consultation(r.id, '2027-02-08'), start: soon, mediatorId: null })).appointments;
      const cancelled = await clinician.scheduling.cancel.mutate({ id: a!.id });
      assert.equal(cancelled.cancellation, 'late');
      assert.equal(cancelled.billedMinutes, 0, 'the minimum billable time is a mediator’s');
    });

    it('another tenant’s clinician finds none of it', async () => {
      const r = await approvedA5();
      const a = (await clinician.scheduling.book.mutate(consultation(r.id, '2027-02-08'))).appointments[0]!;
      const stranger = ts.client({ token: await signIn(ts, other.emails.clinician, OTHER_PASSWORD) });
      // Called one at a time: a call made before its turn would reject with nobody awaiting it.
      for (const call of [
        () => stranger.scheduling.get.query({ id: a.id }),
        () => stranger.scheduling.calendarFile.query({ id: a.id }),
        () => stranger.scheduling.cancel.mutate({ id: a.id }),
        () => stranger.scheduling.book.mutate({ ...consultation(r.id, '2027-02-09'), organisationId: other.serviceId }),
      ]) {
        assert.equal((await expectTrpcError(call())).data?.code, 'NOT_FOUND');
      }
      assert.deepEqual(await stranger.scheduling.list.query({ from: '2027-02-01T00:00:00Z', to: '2027-03-01T00:00:00Z' }), []);
    });
  });
}
