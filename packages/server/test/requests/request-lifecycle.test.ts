import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../../src/auth/password.js';
import { criteriaOf } from '../../src/coordination/request-criteria.js';
import { writeTransaction } from '../../src/db/write-transaction.js';
import { newId } from '../../src/ids.js';
import { REQUEST_TRANSITIONS as TRANSITIONS } from '@ponte/forms';
import { planActionOf, REQUEST_FORM_IDS } from '../../src/requests/lifecycle.js';
import { lockRequest } from '../../src/requests/request.repository.js';
import { findAppointment, insertAppointment } from '../../src/scheduling/appointment.repository.js';
import { databaseKinds } from '../helpers/databases.js';
import { createOtherTenant, OTHER_ORIGIN, OTHER_PASSWORD, type OtherTenant } from '../helpers/fixtures.js';
import { hoursAgo, sendRequest } from '../helpers/requests.js';
import { sampleFor } from '../helpers/samples.js';
import { schedulingFixture, type SchedulingFixture } from '../helpers/scheduling.js';
import { expectTrpcError, signIn, startTestServer, type TestServer } from '../helpers/test-server.js';

type Client = ReturnType<TestServer['client']>;

const SCHOOL_KEY = 'pk_demo_manzoni';

for (const kind of await databaseKinds()) {
  describe(`request lifecycle on ${kind}`, () => {
    let ts: TestServer;
    let fx: SchedulingFixture;
    let other: OtherTenant;
    let coordinator: Client;
    let clinician: Client;
    let referent: Client;
    let operatrice: Client;
    let mediator: Client;
    let tokens: Record<'coordinator' | 'clinician' | 'referent' | 'operatrice' | 'rodari' | 'mediator', string>;

    before(async () => {
      ts = await startTestServer(kind);
      fx = await schedulingFixture(ts);
      other = await createOtherTenant(ts.server.database.db);
      tokens = {
        coordinator: fx.coordinator,
        clinician: await signIn(ts, 'clinica@demo.ponte.test'),
        referent: await signIn(ts, 'referente.manzoni@demo.ponte.test'),
        operatrice: await signIn(ts, 'operatrice.servizi@demo.ponte.test'),
        rodari: await signIn(ts, 'referente.rodari@demo.ponte.test'),
        mediator: await signIn(ts, 'amina.elidrissi@demo.ponte.test'),
      };
      coordinator = ts.client({ token: tokens.coordinator });
      clinician = ts.client({ token: tokens.clinician });
      referent = ts.client({ token: tokens.referent });
      operatrice = ts.client({ token: tokens.operatrice });
      mediator = ts.client({ token: tokens.mediator });
    });
    after(() => ts.close());

    const db = () => ts.server.database.db;
    const a1 = (data: Record<string, unknown> = {}) => sendRequest(ts, 'school-request', fx.orgs.manzoni, { key: SCHOOL_KEY }, data);
    const approved = async (hoursAuthorised = 3) => {
      const r = await a1();
      await coordinator.requests.review.mutate({ id: r.id });
      await coordinator.requests.approve.mutate({ id: r.id, hoursAuthorised });
      return r;
    };
    /** Booked by the coordinator; an A.5 by the clinician (src/scheduling/consultations.ts), inside the mediator's availability. */
    const book = (submissionId: string, mediatorId: string, start: string, organisationId = fx.orgs.manzoni, action: '1' | '2' | '4' = '1', by: Client = coordinator) =>
      by.scheduling.book.mutate({ mediatorId, organisationId, submissionId, action, start, durationMinutes: 60, mode: 'video' }).then((b) => b.appointments[0]!);
    const statusOf = async (id: string) => (await db().selectFrom('submissions').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    const auditOf = async (id: string) =>
      db().selectFrom('audit_events').select(['action', 'actor_kind', 'actor_id', 'details', 'at']).where('subject_id', '=', id).where('action', 'like', 'request.%').orderBy('at').execute();

    describe('moves', () => {
      it('walks an A.1 from received through review, approval, booking and outcomes, in history, audit and tracking', async () => {
        const r = await a1();
        const anyone = ts.client();
        const tracked0 = await anyone.submissions.track.query({ trackingCode: r.trackingCode });
        assert.equal(tracked0.status, 'received');
        assert.deepEqual(tracked0.history.map((h) => h.status), ['received']);
        assert.equal(tracked0.reason, null);

        const reviewed = await coordinator.requests.review.mutate({ id: r.id });
        assert.equal(reviewed.status, 'in_review');
        assert.deepEqual(reviewed.history.map((h) => h.status), ['received', 'in_review']);
        const ok = await coordinator.requests.approve.mutate({ id: r.id, hoursAuthorised: 4.5 });
        assert.equal(ok.status, 'approved');
        assert.equal(ok.hoursAuthorised, 4.5);
        const row = await db().selectFrom('submissions').select('authorised_minutes').where('id', '=', r.id).executeTakeFirstOrThrow();
        assert.equal(row.authorised_minutes, 270);

        // Booking moves an approved request to scheduled, in the booking's transaction.
        const first = await book(r.id, fx.mediators.amina!, hoursAgo(50));
        assert.equal(await statusOf(r.id), 'scheduled');
        const second = await book(r.id, fx.mediators.amina!, '2027-02-15T08:00:00Z');
        assert.equal(await statusOf(r.id), 'scheduled');
        // One held, one still to come: still scheduled; the other cancelled: held.
        await coordinator.scheduling.setOutcome.mutate({ id: first.id, outcome: 'held' });
        assert.equal(await statusOf(r.id), 'scheduled');
        await coordinator.scheduling.cancel.mutate({ id: second.id });
        assert.equal(await statusOf(r.id), 'held');

        const detail = await coordinator.requests.get.query({ id: r.id });
        assert.deepEqual(detail.history.map((h) => h.status), ['received', 'in_review', 'approved', 'scheduled', 'held']);
        assert.ok(detail.history.every((h, i) => i === 0 || h.at >= detail.history[i - 1]!.at));
        assert.deepEqual(detail.appointments.map((a) => a.status), ['held', 'cancelled']);
        assert.ok(detail.data, 'an A.1 is readable by its coordinator');

        const audit = await auditOf(r.id);
        assert.deepEqual(audit.map((a) => a.action), ['request.in_review', 'request.approved', 'request.scheduled', 'request.held']);
        const coordinatorUser = (await db().selectFrom('users').select('id').where('email', '=', 'coordinatrice@demo.ponte.test').executeTakeFirstOrThrow()).id;
        assert.ok(audit.every((a) => a.actor_kind === 'user' && a.actor_id === coordinatorUser));

        const tracked = await anyone.submissions.track.query({ trackingCode: r.trackingCode });
        assert.deepEqual(Object.keys(tracked).sort(), ['history', 'reason', 'status', 'submittedAt', 'updatedAt']);
        assert.deepEqual(tracked.history, detail.history.map((h) => ({ status: h.status, at: h.at })));
        assert.equal(tracked.status, 'held');
        assert.equal(tracked.reason, null);
      });

      it('takes a scheduled request back to approved when its last appointment is cancelled, and schedules it again', async () => {
        const r = await approved();
        const a = await book(r.id, fx.mediators.rahim!, '2027-02-17T09:00:00Z');
        assert.equal(await statusOf(r.id), 'scheduled');
        await referent.scheduling.cancel.mutate({ id: a.id, reason: 'Famiglia assente' });
        assert.equal(await statusOf(r.id), 'approved');
        await book(r.id, fx.mediators.rahim!, '2027-02-19T09:00:00Z');
        const detail = await coordinator.requests.get.query({ id: r.id });
        assert.deepEqual(detail.history.map((h) => h.status), ['received', 'in_review', 'approved', 'scheduled', 'approved', 'scheduled']);
      });

      it('follows corrected outcomes: not held, then held, then not held', async () => {
        const r = await approved();
        const a = await book(r.id, fx.mediators.li!, hoursAgo(30));
        const li = ts.client({ token: await signIn(ts, 'li.wei@demo.ponte.test') });
        await li.scheduling.setOutcome.mutate({ id: a.id, outcome: 'not_held' });
        assert.equal(await statusOf(r.id), 'not_held');
        await li.scheduling.setOutcome.mutate({ id: a.id, outcome: 'held' });
        assert.equal(await statusOf(r.id), 'held');
        await coordinator.scheduling.setOutcome.mutate({ id: a.id, outcome: 'not_held' });
        assert.equal(await statusOf(r.id), 'not_held');
      });

      it('rejects with a reason the requester reads when tracking, and nothing more', async () => {
        const r = await a1();
        await coordinator.requests.review.mutate({ id: r.id });
        const blank = await expectTrpcError(coordinator.requests.reject.mutate({ id: r.id, reason: '   ' }));
        assert.equal(blank.data?.code, 'BAD_REQUEST');
        assert.ok((blank.data as { fieldErrors?: Record<string, string> }).fieldErrors?.reason);
        const rejected = await coordinator.requests.reject.mutate({ id: r.id, reason: 'Servizio non attivo per la scuola dell’infanzia.' });
        assert.equal(rejected.status, 'rejected');
        const tracked = await ts.client().submissions.track.query({ trackingCode: r.trackingCode });
        assert.equal(tracked.status, 'rejected');
        assert.equal(tracked.reason, 'Servizio non attivo per la scuola dell’infanzia.');
        assert.deepEqual(tracked.history.map((h) => h.status), ['received', 'in_review', 'rejected']);
        const text = JSON.stringify(tracked);
        for (const secret of ['Darija', 'pupilCode', 'coordinatrice', 'user', fx.orgs.manzoni]) assert.ok(!text.includes(secret), `${secret} in tracking`);
        const audit = await auditOf(r.id);
        assert.deepEqual(audit.at(-1)?.action, 'request.rejected');
      });

      it('cancels with a reason, cancelling its scheduled appointments by the notice rule', async () => {
        const r = await approved();
        const soon = new Date(Date.now() + 3 * 3_600_000).toISOString(); // inside the 48 h notice: late
        const later = '2027-03-01T08:00:00Z';
        const a = await book(r.id, fx.mediators.ardit!, soon);
        const b = await book(r.id, fx.mediators.ardit!, later);
        const missing = await expectTrpcError(coordinator.requests.cancel.mutate({ id: r.id } as never));
        assert.equal(missing.data?.code, 'BAD_REQUEST');
        const cancelled = await coordinator.requests.cancel.mutate({ id: r.id, reason: 'Alunno trasferito in altro Ambito.' });
        assert.equal(cancelled.status, 'cancelled');
        const [ra, rb] = await Promise.all([coordinator.scheduling.get.query({ id: a.id }), coordinator.scheduling.get.query({ id: b.id })]);
        assert.equal(ra.status, 'cancelled');
        assert.equal(ra.cancellation, 'late');
        assert.equal(ra.billedMinutes, 60);
        assert.equal(rb.cancellation, 'in_time');
        assert.equal(rb.billedMinutes, 0);
        const tracked = await ts.client().submissions.track.query({ trackingCode: r.trackingCode });
        assert.equal(tracked.reason, 'Alunno trasferito in altro Ambito.');
        const appointmentAudit = await db().selectFrom('audit_events').select(['action', 'details']).where('subject_id', '=', a.id).orderBy('at').execute();
        assert.deepEqual(appointmentAudit.map((e) => e.action), ['appointment.booked', 'appointment.cancelled']);
      });

      it('withdraws and cancels from every status before the session', async () => {
        const at = async (status: 'received' | 'in_review' | 'approved') => {
          const r = await a1();
          if (status !== 'received') await coordinator.requests.review.mutate({ id: r.id });
          if (status === 'approved') await coordinator.requests.approve.mutate({ id: r.id, hoursAuthorised: 1 });
          return r;
        };
        for (const status of ['received', 'in_review', 'approved'] as const) {
          const w = await at(status);
          assert.equal((await referent.requests.withdraw.mutate({ id: w.id })).status, 'withdrawn');
          const c = await at(status);
          assert.equal((await coordinator.requests.cancel.mutate({ id: c.id, reason: 'Doppione' })).status, 'cancelled');
          const changes = await db().selectFrom('request_status_changes').select(['from_status', 'to_status']).where('submission_id', 'in', [w.id, c.id]).orderBy('seq').execute();
          assert.ok(changes.some((x) => x.from_status === status && x.to_status === 'withdrawn'));
          assert.ok(changes.some((x) => x.from_status === status && x.to_status === 'cancelled'));
        }
      });

      it('closes a reported request only from reported', async () => {
        const r = await approved();
        const e = await expectTrpcError(coordinator.requests.close.mutate({ id: r.id }));
        assert.equal(e.data?.code, 'CONFLICT');
        assert.match(e.message, /«approvata»/);
        assert.match(e.message, /«chiusa»/);
      });
    });

    describe('through reports', () => {
      const romeDate = (instant: string) =>
        new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
      const report = (a: { id: string; startsAt: string }, extra: Record<string, unknown> = {}) =>
        mediator.reports.file.mutate({
          appointmentId: a.id,
          data: Object.fromEntries(
            Object.entries({ ...sampleFor('school-report', fx.orgs.manzoni), sessionDate: romeDate(a.startsAt), ...extra }).filter(([, v]) => v !== undefined),
          ),
        });

      it('is reported once its sessions have reports, closed by the last countersign or by a coordinator, reported again when a report is reopened', async () => {
        const r = await approved();
        const a = await book(r.id, fx.mediators.amina!, hoursAgo(90));
        const filed = await report(a);
        assert.equal(await statusOf(r.id), 'reported');
        await referent.reports.countersign.mutate({ id: filed.id });
        assert.equal(await statusOf(r.id), 'closed');
        await coordinator.reports.reopen.mutate({ id: filed.id, reason: 'Firma del referente sbagliato' });
        assert.equal(await statusOf(r.id), 'reported');
        const byReferent = await expectTrpcError(referent.requests.close.mutate({ id: r.id }));
        assert.equal(byReferent.data?.code, 'FORBIDDEN');
        const closed = await coordinator.requests.close.mutate({ id: r.id });
        assert.equal(closed.status, 'closed');
        assert.deepEqual(closed.history.map((h) => h.status).slice(-5), ['held', 'reported', 'closed', 'reported', 'closed']);

        // Not held: through not_held to reported.
        const n = await approved();
        const b = await book(n.id, fx.mediators.amina!, hoursAgo(94));
        const notHeld: Record<string, unknown> = { status: 'non-svolto', notHeldReason: 'assenza-famiglia', noticeHours: 0 };
        for (const key of ['languageUsed', 'activityTypes', 'mode', 'participantsPupils', 'participantsParents', 'participantsTeachers', 'participantsOthers', 'beneficiaries', 'description', 'outcome', 'followUpNeeded', 'followUpDetails']) notHeld[key] = undefined;
        await report(b, notHeld);
        const detail = await coordinator.requests.get.query({ id: n.id });
        assert.deepEqual(detail.history.map((h) => h.status).slice(-3), ['scheduled', 'not_held', 'reported']);
      });
    });

    describe('withdrawal', () => {
      it('by a key of its organisation with the tracking code, cancelling its appointments', async () => {
        const r = await approved();
        const a = await book(r.id, fx.mediators.olena!, '2027-03-02T14:00:00Z');
        const school = ts.client({ key: SCHOOL_KEY });
        const byId = await expectTrpcError(school.requests.withdraw.mutate({ id: r.id }));
        assert.equal(byId.data?.code, 'BAD_REQUEST');
        assert.ok((byId.data as { fieldErrors?: Record<string, string> }).fieldErrors?.trackingCode);
        const otherSchool = await expectTrpcError(ts.client({ key: 'pk_demo_rodari' }).requests.withdraw.mutate({ trackingCode: r.trackingCode }));
        assert.equal(otherSchool.data?.code, 'NOT_FOUND');
        const otherTenant = await expectTrpcError(ts.client({ key: other.key, origin: OTHER_ORIGIN }).requests.withdraw.mutate({ trackingCode: r.trackingCode }));
        assert.equal(otherTenant.data?.code, 'NOT_FOUND');

        const done = await school.requests.withdraw.mutate({ trackingCode: r.trackingCode.toLowerCase().replace(/-/g, ' ') });
        assert.equal(done.status, 'withdrawn');
        assert.equal((await coordinator.scheduling.get.query({ id: a.id })).status, 'cancelled');
        const audit = await auditOf(r.id);
        assert.equal(audit.at(-1)?.action, 'request.withdrawn');
        assert.equal(audit.at(-1)?.actor_kind, 'key');

        const again = await expectTrpcError(school.requests.withdraw.mutate({ trackingCode: r.trackingCode }));
        assert.equal(again.data?.code, 'CONFLICT');
        assert.match(again.message, /«ritirata»/);
        const en = await expectTrpcError(ts.client({ key: SCHOOL_KEY, locale: 'en' }).requests.withdraw.mutate({ trackingCode: r.trackingCode }));
        assert.match(en.message, /“withdrawn”/);
      });

      it('by a referent of its organisation; not by another school’s, nor by a key for a request staff sent', async () => {
        const r = await a1();
        const e = await expectTrpcError(ts.client({ token: tokens.rodari }).requests.withdraw.mutate({ id: r.id }));
        assert.equal(e.data?.code, 'NOT_FOUND');
        const w = await referent.requests.withdraw.mutate({ id: r.id, reason: 'Risolto internamente' });
        assert.equal(w.status, 'withdrawn');

        const staffSent = await sendRequest(ts, 'school-request', fx.orgs.manzoni, { token: tokens.referent });
        const byKey = await expectTrpcError(ts.client({ key: SCHOOL_KEY }).requests.withdraw.mutate({ trackingCode: staffSent.trackingCode }));
        assert.equal(byKey.data?.code, 'FORBIDDEN');
        await referent.requests.withdraw.mutate({ trackingCode: staffSent.trackingCode });
        assert.equal(await statusOf(staffSent.id), 'withdrawn');
      });

      it('is not for coordinators (they cancel) nor after the session was held', async () => {
        const r = await approved();
        const e = await expectTrpcError(coordinator.requests.withdraw.mutate({ id: r.id }));
        assert.equal(e.data?.code, 'FORBIDDEN');
        const a = await book(r.id, fx.mediators.arshad!, hoursAgo(70));
        await coordinator.scheduling.setOutcome.mutate({ id: a.id, outcome: 'held' });
        const late = await expectTrpcError(referent.requests.withdraw.mutate({ id: r.id }));
        assert.equal(late.data?.code, 'CONFLICT');
        assert.match(late.message, /«svolta»/);
        const cancel = await expectTrpcError(coordinator.requests.cancel.mutate({ id: r.id, reason: 'x' }));
        assert.equal(cancel.data?.code, 'CONFLICT');
      });
    });

    describe('refusals', () => {
      it('refuses moves the table does not allow, naming the status and the one asked for, in the caller’s language', async () => {
        const r = await a1();
        const approveEarly = await expectTrpcError(coordinator.requests.approve.mutate({ id: r.id, hoursAuthorised: 2 }));
        assert.equal(approveEarly.data?.code, 'CONFLICT');
        assert.match(approveEarly.message, /La richiesta è «ricevuta»: non può diventare «approvata»\. Da «ricevuta» può diventare: in valutazione, ritirata, annullata\./);
        const en = await expectTrpcError(ts.client({ token: tokens.coordinator, locale: 'en' }).requests.reject.mutate({ id: r.id, reason: 'no' }));
        assert.match(en.message, /The request is “received”: it cannot become “rejected”/);
        await coordinator.requests.review.mutate({ id: r.id });
        const twice = await expectTrpcError(coordinator.requests.review.mutate({ id: r.id }));
        assert.equal(twice.data?.code, 'CONFLICT');
        await coordinator.requests.reject.mutate({ id: r.id, reason: 'Fuori ambito' });
        for (const call of [
          () => coordinator.requests.approve.mutate({ id: r.id, hoursAuthorised: 1 }),
          () => coordinator.requests.cancel.mutate({ id: r.id, reason: 'x' }),
          () => referent.requests.withdraw.mutate({ id: r.id }),
          () => coordinator.requests.close.mutate({ id: r.id }),
        ]) {
          const e = await expectTrpcError(call());
          assert.equal(e.data?.code, 'CONFLICT');
          assert.match(e.message, /definitiva/);
        }
      });

      it('refuses wrong roles with FORBIDDEN, and what a role may not see with NOT_FOUND', async () => {
        const r = await a1();
        const byReferent = await expectTrpcError(referent.requests.review.mutate({ id: r.id }));
        assert.equal(byReferent.data?.code, 'FORBIDDEN');
        assert.match(byReferent.message, /Il tuo ruolo non può portare la richiesta da «ricevuta» a «in valutazione»/);
        const byMediator = await expectTrpcError(mediator.requests.review.mutate({ id: r.id }));
        assert.equal(byMediator.data?.code, 'NOT_FOUND');
        const byClinician = await expectTrpcError(clinician.requests.review.mutate({ id: r.id }));
        assert.equal(byClinician.data?.code, 'NOT_FOUND');
        await coordinator.requests.review.mutate({ id: r.id });
        const approveByReferent = await expectTrpcError(referent.requests.approve.mutate({ id: r.id, hoursAuthorised: 2 }));
        assert.equal(approveByReferent.data?.code, 'FORBIDDEN');
        const admin = ts.client({ token: await signIn(ts, 'admin@demo.ponte.test') });
        assert.equal((await admin.requests.approve.mutate({ id: r.id, hoursAuthorised: 2 })).status, 'approved');
        assert.equal(await statusOf(r.id), 'approved');
      });

      it('refuses another tenant’s requests as not found', async () => {
        const r = await a1();
        const otherCoordinator = ts.client({ token: await signIn(ts, other.emails.coordinator, OTHER_PASSWORD) });
        for (const call of [
          () => otherCoordinator.requests.get.query({ id: r.id }),
          () => otherCoordinator.requests.review.mutate({ id: r.id }),
          () => otherCoordinator.requests.cancel.mutate({ id: r.id, reason: 'x' }),
        ]) {
          const e = await expectTrpcError(call());
          assert.equal(e.data?.code, 'NOT_FOUND');
        }
        const page = await otherCoordinator.requests.queue.query({});
        assert.ok(!page.items.some((i) => i.id === r.id));
        assert.equal(await statusOf(r.id), 'received');
      });

      it('books only approved or scheduled requests', async () => {
        const r = await a1();
        const e = await expectTrpcError(book(r.id, fx.mediators.amina!, '2027-03-03T08:00:00Z'));
        assert.equal(e.data?.code, 'CONFLICT');
        assert.match(e.message, /«ricevuta»/);
        assert.ok((e.data as { fieldErrors?: Record<string, string> }).fieldErrors?.submissionId);
        const rows = await db().selectFrom('appointments').select('id').where('submission_id', '=', r.id).execute();
        assert.equal(rows.length, 0);
      });

      it('lets exactly one of two racing reviews win', async () => {
        const r = await a1();
        const outcomes = await Promise.allSettled([coordinator.requests.review.mutate({ id: r.id }), coordinator.requests.review.mutate({ id: r.id })]);
        assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
        const changes = await db().selectFrom('request_status_changes').select('to_status').where('submission_id', '=', r.id).execute();
        assert.deepEqual(changes.map((c) => c.to_status), ['in_review']);
      });
    });

    describe('A.5 consultations', () => {
      const SECRET = 'Sentinella clinica A5';

      it('are reviewed by clinicians, not coordinators; coordinators see status and dates, never content', async () => {
        const r = await sendRequest(ts, 'ethnoclinical-request', fx.orgs.servizi, { token: tokens.operatrice }, { reasonDetails: SECRET, caseCode: 'EC-2027-777' });
        const e = await expectTrpcError(coordinator.requests.review.mutate({ id: r.id }));
        assert.equal(e.data?.code, 'FORBIDDEN');
        assert.match(e.message, /team clinico/);
        await clinician.requests.review.mutate({ id: r.id });
        await clinician.requests.approve.mutate({ id: r.id, hoursAuthorised: 2 });
        // Its clinician books it; coordinators then see only that it is scheduled, and when.
        await book(r.id, fx.mediators.amina!, '2027-03-04T09:00:00Z', fx.orgs.servizi, '2', clinician);
        assert.equal(await statusOf(r.id), 'scheduled');

        const before = await db().selectFrom('audit_events').select('id').where('action', '=', 'submission.special_category_read').where('subject_id', '=', r.id).execute();
        const seen = await coordinator.requests.get.query({ id: r.id });
        assert.equal(seen.special, true);
        assert.equal(seen.data, null);
        assert.equal(seen.language, null);
        assert.equal(seen.urgency, null);
        assert.deepEqual(seen.history.map((h) => h.status), ['received', 'in_review', 'approved', 'scheduled']);
        const page = await coordinator.requests.queue.query({ formId: 'ethnoclinical-request' });
        const item = page.items.find((i) => i.id === r.id)!;
        assert.equal(item.status, 'scheduled');
        for (const answer of [seen, page]) {
          const text = JSON.stringify(answer);
          for (const secret of [SECRET, 'EC-2027-777', 'Egyptian', 'npia', 'diagnosi']) assert.ok(!text.includes(secret), `${secret} reached a coordinator`);
        }
        const afterCoordinator = await db().selectFrom('audit_events').select('id').where('action', '=', 'submission.special_category_read').where('subject_id', '=', r.id).execute();
        assert.equal(afterCoordinator.length, before.length, 'nothing was read, nothing audited');

        const read = await clinician.requests.get.query({ id: r.id });
        assert.equal(read.data?.reasonDetails, SECRET);
        const mine = await operatrice.requests.get.query({ id: r.id });
        assert.equal(mine.data?.reasonDetails, SECRET);
        const reads = await db().selectFrom('audit_events').select(['actor_id', 'details']).where('action', '=', 'submission.special_category_read').where('subject_id', '=', r.id).execute();
        assert.equal(reads.length, before.length + 2);

        const cancelByCoordinator = await expectTrpcError(coordinator.requests.cancel.mutate({ id: r.id, reason: 'x' }));
        assert.equal(cancelByCoordinator.data?.code, 'FORBIDDEN');
        await clinician.requests.cancel.mutate({ id: r.id, reason: 'Presa in carico dalla NPIA' });
        const audit = await auditOf(r.id);
        assert.equal(audit.at(-1)?.action, 'request.cancelled');
        assert.ok(!JSON.stringify(audit).includes('NPIA'), 'an A.5 reason stays out of the audit details');
        const tracked = await ts.client().submissions.track.query({ trackingCode: r.trackingCode });
        assert.equal(tracked.reason, 'Presa in carico dalla NPIA');
        const later = await coordinator.requests.get.query({ id: r.id });
        assert.ok(later.history.every((h) => h.reason === null), 'a coordinator is not shown an A.5 reason');
      });

      it('answer a move without its reasons, which only an audited read gives', async () => {
        const r = await sendRequest(ts, 'ethnoclinical-request', fx.orgs.servizi, { token: tokens.operatrice });
        const reads = () => db().selectFrom('audit_events').select('id').where('action', '=', 'submission.special_category_read').where('subject_id', '=', r.id).execute();
        await clinician.requests.review.mutate({ id: r.id });
        const rejected = await clinician.requests.reject.mutate({ id: r.id, reason: 'Già in carico alla NPIA per il disturbo del bambino' });
        assert.equal(rejected.status, 'rejected');
        assert.ok(rejected.history.every((h) => h.reason === null), 'an A.5 reason answered without an audited read');
        assert.equal((await reads()).length, 0);
        const read = await clinician.requests.get.query({ id: r.id });
        assert.equal(read.history.at(-1)?.reason, 'Già in carico alla NPIA per il disturbo del bambino');
        assert.equal((await reads()).length, 1);
        // An A.1's reasons are no secret from whoever may move it.
        const a = await a1();
        await coordinator.requests.review.mutate({ id: a.id });
        const plain = await coordinator.requests.reject.mutate({ id: a.id, reason: 'Fuori ambito' });
        assert.equal(plain.history.at(-1)?.reason, 'Fuori ambito');
      });

      it('are withdrawn by the referent who sent them; other referents of the organisation do not see them', async () => {
        const r = await sendRequest(ts, 'ethnoclinical-request', fx.orgs.servizi, { token: tokens.operatrice });
        const w = await operatrice.requests.withdraw.mutate({ id: r.id });
        assert.equal(w.status, 'withdrawn');
        const e = await expectTrpcError(referent.requests.get.query({ id: r.id }));
        assert.equal(e.data?.code, 'NOT_FOUND');
      });
    });

    describe('sessions, hours and who books', () => {
      it('refuses to withdraw or cancel while a session of it has started, naming it; once its outcome is in, cancels the sessions to come', async () => {
        const r = await approved(4);
        const started = await book(r.id, fx.mediators.li!, hoursAgo(40));
        const toCome = await book(r.id, fx.mediators.li!, '2027-04-06T08:00:00Z');
        const withdraw = await expectTrpcError(referent.requests.withdraw.mutate({ id: r.id }));
        assert.equal(withdraw.data?.code, 'CONFLICT');
        assert.match(withdraw.message, new RegExp(`${r.protocol} ha un incontro già iniziato \\(appuntamento ${started.id} del \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d\\): non può più diventare «ritirata»`));
        const cancel = await expectTrpcError(ts.client({ token: tokens.coordinator, locale: 'en' }).requests.cancel.mutate({ id: r.id, reason: 'Doppione' }));
        assert.equal(cancel.data?.code, 'CONFLICT');
        assert.match(cancel.message, new RegExp(`has a session that has already started \\(appointment ${started.id} on .*\\): it can no longer become “cancelled”`));
        assert.equal(await statusOf(r.id), 'scheduled');
        const untouched = await db().selectFrom('appointments').select('status').where('submission_id', '=', r.id).execute();
        assert.deepEqual(untouched.map((a) => a.status), ['scheduled', 'scheduled']);

        await coordinator.scheduling.setOutcome.mutate({ id: started.id, outcome: 'held' });
        assert.equal((await referent.requests.withdraw.mutate({ id: r.id })).status, 'withdrawn');
        assert.equal((await coordinator.scheduling.get.query({ id: started.id })).status, 'held');
        assert.equal((await coordinator.scheduling.get.query({ id: toCome.id })).status, 'cancelled');
      });

      it('withdraws while a booking for it is in flight, and cancels what that booking wrote', async () => {
        const r = await approved(4);
        const first = await book(r.id, fx.mediators.olena!, '2027-04-08T08:00:00Z');
        const row = (await findAppointment(db(), (await db().selectFrom('submissions').select('tenant_id').where('id', '=', r.id).executeTakeFirstOrThrow()).tenant_id, first.id))!;
        const second = { ...row, id: newId(), startsAt: '2027-04-09T08:00:00.000Z', endsAt: '2027-04-09T09:00:00.000Z', bufferUntil: '2027-04-09T09:00:00.000Z' };
        // A booking in flight, in onBooked's order: its row written; then, while the withdrawal runs, the request locked; committed.
        let release!: () => void;
        const released = new Promise<void>((resolve) => (release = resolve));
        let written!: () => void;
        const inFlight = new Promise<void>((resolve) => (written = resolve));
        const booking = writeTransaction(db(), kind, async (trx) => {
          await insertAppointment(trx, second);
          written();
          await released;
          await lockRequest(trx, row.tenantId, r.id);
        });
        await inFlight;
        const withdrawn = referent.requests.withdraw.mutate({ id: r.id });
        await new Promise((resolve) => setTimeout(resolve, 400));
        release();
        await booking;
        assert.equal((await withdrawn).status, 'withdrawn');
        const rows = await db().selectFrom('appointments').select(['id', 'status']).where('submission_id', '=', r.id).execute();
        assert.deepEqual(rows.filter((a) => a.status !== 'cancelled'), [], 'a live appointment under a withdrawn request');
      });

      it('keeps bookings within the hours authorised, unless a coordinator overrides, audited', async () => {
        const r = await approved(1.5);
        await book(r.id, fx.mediators.amina!, '2027-04-13T08:00:00Z');
        const over = await expectTrpcError(book(r.id, fx.mediators.amina!, '2027-04-14T08:00:00Z'));
        assert.equal(over.data?.code, 'PRECONDITION_FAILED');
        assert.match(over.message, new RegExp(`La richiesta ${r.protocol} ha 1,5 ore autorizzate: ne sono già prenotate 1 e questa prenotazione ne chiede 1\\.`));
        const en = await expectTrpcError(
          ts.client({ token: tokens.coordinator, locale: 'en' }).scheduling.book.mutate({ mediatorId: fx.mediators.amina!, organisationId: fx.orgs.manzoni, submissionId: r.id, action: '1', start: '2027-04-14T08:00:00Z', durationMinutes: 60, mode: 'video' }),
        );
        assert.match(en.message, /has 1\.5 hours authorised: 1 are booked already and this booking asks for 1\./);
        assert.equal((await db().selectFrom('appointments').select('id').where('submission_id', '=', r.id).execute()).length, 1);

        const noReason = await expectTrpcError(coordinator.scheduling.book.mutate({ mediatorId: fx.mediators.amina!, organisationId: fx.orgs.manzoni, submissionId: r.id, action: '1', start: '2027-04-14T08:00:00Z', durationMinutes: 60, mode: 'video', override: true }));
        assert.equal(noReason.data?.code, 'BAD_REQUEST');
        const reason = 'Colloquio con la famiglia prima dello scrutinio';
        await coordinator.scheduling.book.mutate({ mediatorId: fx.mediators.amina!, organisationId: fx.orgs.manzoni, submissionId: r.id, action: '1', start: '2027-04-14T08:00:00Z', durationMinutes: 60, mode: 'video', override: true, overrideReason: reason });
        const audit = await db().selectFrom('audit_events').select(['action', 'details']).where('subject_id', '=', r.id).where('action', '=', 'request.hours_override').execute();
        assert.equal(audit.length, 1);
        const details = typeof audit[0]!.details === 'string' ? JSON.parse(audit[0]!.details) : audit[0]!.details;
        assert.equal(details.reason, reason);
        assert.equal(details.hoursAuthorised, 1.5);
        assert.equal(details.hoursBooked, 2);
      });

      it('keeps a rescheduled appointment within the hours authorised when it grows longer', async () => {
        const r = await approved(1.5);
        const a = await book(r.id, fx.mediators.amina!, '2027-04-20T08:00:00Z');
        const longer = await expectTrpcError(coordinator.scheduling.reschedule.mutate({ id: a.id, start: '2027-04-20T08:00:00Z', durationMinutes: 120 }));
        assert.equal(longer.data?.code, 'PRECONDITION_FAILED');
        assert.match(longer.message, new RegExp(`La richiesta ${r.protocol} ha 1,5 ore autorizzate: ne sono già prenotate 1 e questa prenotazione ne chiede 1\\.`));
        const stored = await db().selectFrom('appointments').select(['starts_at', 'ends_at', 'sequence']).where('id', '=', a.id).executeTakeFirstOrThrow();
        assert.equal(Date.parse(String(stored.ends_at)) - Date.parse(String(stored.starts_at)), 60 * 60_000);
        assert.equal(stored.sequence, a.sequence);
        // Moved, or made longer within the hours: accepted.
        const moved = await coordinator.scheduling.reschedule.mutate({ id: a.id, start: '2027-04-21T08:00:00Z', durationMinutes: 90 });
        assert.equal(moved.endsAt, '2027-04-21T09:30:00.000Z');
        // Beyond them, with a coordinator's reason: accepted and audited, as a booking's override is.
        const reason = 'La famiglia chiede più tempo';
        const longest = await coordinator.scheduling.reschedule.mutate({ id: a.id, start: '2027-04-21T08:00:00Z', durationMinutes: 150, override: true, overrideReason: reason });
        assert.equal(longest.endsAt, '2027-04-21T10:30:00.000Z');
        const audit = await db().selectFrom('audit_events').select('details').where('subject_id', '=', r.id).where('action', '=', 'request.hours_override').execute();
        assert.equal(audit.length, 1);
        const details = typeof audit[0]!.details === 'string' ? JSON.parse(audit[0]!.details) : audit[0]!.details;
        assert.equal(details.reason, reason);
      });

      it('books a request under the AZIONE of its form only', async () => {
        const r = await approved(4);
        const wrong = await expectTrpcError(book(r.id, fx.mediators.amina!, '2027-04-15T08:00:00Z', fx.orgs.manzoni, '2'));
        assert.equal(wrong.data?.code, 'BAD_REQUEST');
        assert.match(wrong.message, new RegExp(`AZIONE 2: gli appuntamenti della richiesta ${r.protocol} si prenotano sull’AZIONE 1`));
        assert.ok((wrong.data as { fieldErrors?: Record<string, string> }).fieldErrors?.action);
        assert.equal((await db().selectFrom('appointments').select('id').where('submission_id', '=', r.id).execute()).length, 0);
        // Matching proposes bookings with the criteria's AZIONE: the same one.
        for (const formId of REQUEST_FORM_IDS) assert.equal(criteriaOf(formId, fx.orgs.manzoni, {}).action, planActionOf(formId), formId);
      });

      it('hides a colleague’s A.5 and its appointment from another referent of the service: no get, cancel, list or booking', async () => {
        const email = `seconda.${newId().slice(0, 6)}@servizi.test`;
        await db()
          .insertInto('users')
          .values({
            id: newId(),
            tenant_id: (await db().selectFrom('organisations').select('tenant_id').where('id', '=', fx.orgs.servizi).executeTakeFirstOrThrow()).tenant_id,
            organisation_id: fx.orgs.servizi,
            email,
            display_name: 'Seconda operatrice',
            role: 'requester',
            password_hash: await hashPassword('seconda-operatrice'),
            disabled_at: null,
            created_at: new Date().toISOString(),
          })
          .execute();
        const colleague = ts.client({ token: await signIn(ts, email, 'seconda-operatrice') });
        const r = await sendRequest(ts, 'ethnoclinical-request', fx.orgs.servizi, { token: tokens.operatrice });
        await clinician.requests.review.mutate({ id: r.id });
        await clinician.requests.approve.mutate({ id: r.id, hoursAuthorised: 3 });
        const a = await book(r.id, fx.mediators.rahim!, '2027-04-16T09:00:00Z', fx.orgs.servizi, '2', clinician);

        for (const call of [
          () => colleague.scheduling.get.query({ id: a.id }),
          () => colleague.scheduling.cancel.mutate({ id: a.id, reason: 'x' }),
          () => colleague.scheduling.book.mutate({ mediatorId: fx.mediators.rahim!, submissionId: r.id, action: '2', start: '2027-04-16T12:00:00Z', durationMinutes: 60, mode: 'video' }),
        ]) {
          const e = await expectTrpcError(call());
          assert.equal(e.data?.code, 'NOT_FOUND');
        }
        const listed = await colleague.scheduling.list.query({ from: '2027-04-16T00:00:00Z', to: '2027-04-17T00:00:00Z' });
        assert.ok(!listed.some((x) => x.id === a.id));
        const keyed = await expectTrpcError(ts.client({ key: 'pk_demo_servizi' }).scheduling.calendarFile.query({ id: a.id }));
        assert.equal(keyed.data?.code, 'NOT_FOUND');

        // Its sender still sees it, and it is untouched.
        assert.equal((await operatrice.scheduling.get.query({ id: a.id })).status, 'scheduled');
        assert.ok((await operatrice.scheduling.list.query({ from: '2027-04-16T00:00:00Z', to: '2027-04-17T00:00:00Z' })).some((x) => x.id === a.id));
        assert.equal((await db().selectFrom('appointments').select('id').where('submission_id', '=', r.id).execute()).length, 1);
      });
    });

    describe('queue', () => {
      it('filters by status, organisation, language, urgency and form, oldest first, page by page', async () => {
        const urgent = await a1({ urgency: 'urgente', urgencyReason: 'Colloquio con la famiglia prima del consiglio di classe.', language: { code: 'ukr' } });
        const rodari = await sendRequest(ts, 'school-request', fx.orgs.rodari, { key: 'pk_demo_rodari' }, { language: { code: 'ukr' } });
        const service = await sendRequest(ts, 'service-request', fx.orgs.servizi, { key: 'pk_demo_servizi' });
        await sendRequest(ts, 'ethnoclinical-request', fx.orgs.servizi, { key: 'pk_demo_servizi' });

        const ukr = await coordinator.requests.queue.query({ language: 'ukr' });
        assert.deepEqual(ukr.items.map((i) => i.id), [urgent.id, rodari.id]);
        const urgentOnly = await coordinator.requests.queue.query({ language: 'ukr', urgency: 'urgente' });
        assert.deepEqual(urgentOnly.items.map((i) => i.id), [urgent.id]);
        const byOrg = await coordinator.requests.queue.query({ language: 'ukr', organisationId: fx.orgs.rodari });
        assert.deepEqual(byOrg.items.map((i) => i.id), [rodari.id]);
        const services = await coordinator.requests.queue.query({ formId: 'service-request' });
        assert.ok(services.items.some((i) => i.id === service.id));
        assert.ok(services.items.every((i) => i.formId === 'service-request'));
        assert.equal(services.items.find((i) => i.id === service.id)?.language, 'ben');

        const open = await coordinator.requests.queue.query({ status: ['received', 'in_review'] });
        assert.ok(open.items.every((i) => i.status === 'received' || i.status === 'in_review'));
        const received = await coordinator.requests.queue.query({ status: 'received' });
        assert.ok(received.items.every((i) => i.status === 'received'));

        const all: string[] = [];
        let page = await coordinator.requests.queue.query({ limit: 3 });
        for (;;) {
          all.push(...page.items.map((i) => i.id));
          if (!page.nextCursor) break;
          page = await coordinator.requests.queue.query({ limit: 3, cursor: page.nextCursor });
        }
        const total = await db().selectFrom('submissions').select('id').where('form_id', 'in', ['school-request', 'service-request', 'ethnoclinical-request']).where('tenant_id', '<>', other.tenantId).execute();
        assert.equal(all.length, total.length);
        assert.equal(new Set(all).size, all.length);
      });

      it('shows clinicians the A.5 requests only; refuses referents and mediators', async () => {
        const page = await clinician.requests.queue.query({ limit: 100 });
        assert.ok(page.items.length > 0);
        assert.ok(page.items.every((i) => i.formId === 'ethnoclinical-request' && i.special));
        const none = await clinician.requests.queue.query({ formId: 'school-request' });
        assert.equal(none.items.length, 0);
        for (const client of [referent, mediator]) {
          const e = await expectTrpcError(client.requests.queue.query({}));
          assert.equal(e.data?.code, 'FORBIDDEN');
        }
      });
    });

    it('has made every move of the transition table, and no other', async () => {
      const made = await db().selectFrom('request_status_changes').select(['from_status', 'to_status']).distinct().execute();
      const key = (from: string, to: string) => `${from} → ${to}`;
      const seen = new Set(made.map((m) => key(m.from_status, m.to_status)));
      const table = new Set(TRANSITIONS.map((t) => key(t.from, t.to)));
      assert.deepEqual([...table].filter((t) => !seen.has(t)), [], 'moves of the table no test made');
      assert.deepEqual([...seen].filter((t) => !table.has(t)), [], 'moves made outside the table');
    });
  });
}
