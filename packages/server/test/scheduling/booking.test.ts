import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '@ponte/server';
import { databaseKinds } from '../helpers/databases.js';
import { countRows, createOtherTenant, OTHER_PASSWORD } from '../helpers/fixtures.js';
import { romeWinter, schedulingFixture, type SchedulingFixture } from '../helpers/scheduling.js';
import { startServerProcess } from '../helpers/server-process.js';
import { expectTrpcError, signIn, startTestServer, type TestServer } from '../helpers/test-server.js';

// 2027-01-11 is a Monday in winter (Rome = UTC+1), inside school year 2026/27.
const MONDAY = '2027-01-11';

for (const kind of await databaseKinds()) {
  describe(`booking on ${kind}`, () => {
    let ts: TestServer;
    let fx: SchedulingFixture;
    let staff: ReturnType<TestServer['client']>;

    before(async () => {
      ts = await startTestServer(kind);
      fx = await schedulingFixture(ts);
      staff = ts.client({ token: fx.coordinator });
    });
    after(() => ts.close());

    const base = () => ({
      organisationId: fx.orgs.manzoni,
      action: '1' as const,
      durationMinutes: 60,
      mode: 'in_person' as const,
      place: 'Scuola primaria Via Roma',
      caseCode: 'MZ-2027-001',
    });

    describe('the invariant', () => {
      it('refuses an overlap and names the clashing appointment; allows back to back', async () => {
        const mediatorId = fx.mediators.amina!;
        const first = await staff.scheduling.book.mutate({ ...base(), mediatorId, start: romeWinter(MONDAY, '09:00') });
        const a = first.appointments[0]!;
        assert.equal(a.sequence, 0);
        assert.equal(a.status, 'scheduled');
        assert.equal(a.schoolYear, '2026/27');

        const error = await expectTrpcError(staff.scheduling.book.mutate({ ...base(), mediatorId, start: romeWinter(MONDAY, '09:30') }));
        assert.equal(error.data?.code, 'CONFLICT');
        assert.match(error.message, new RegExp(a.id));
        assert.match(error.message, /11\/01\/2027 09:00/);
        const en = await expectTrpcError(ts.client({ token: fx.coordinator, locale: 'en' }).scheduling.book.mutate({ ...base(), mediatorId, start: romeWinter(MONDAY, '09:30') }));
        assert.match(en.message, /already busy/);

        // Same place, back to back: no travel needed.
        const next = await staff.scheduling.book.mutate({ ...base(), mediatorId, start: romeWinter(MONDAY, '10:00') });
        assert.equal(next.appointments.length, 1);
      });

      it('keeps the travel buffer between in-person appointments at different places, not around calls', async () => {
        const mediatorId = fx.mediators.rahim!;
        await staff.scheduling.book.mutate({ ...base(), mediatorId, start: romeWinter(MONDAY, '09:00'), place: 'Scuola A' });
        // 10:10 at another place: inside the 15-minute buffer.
        const e1 = await expectTrpcError(staff.scheduling.book.mutate({ ...base(), mediatorId, start: romeWinter(MONDAY, '10:10'), place: 'Scuola B' }));
        assert.equal(e1.data?.code, 'CONFLICT');
        // Before it too: 07:50–08:50 at another place ends 10 minutes before 09:00.
        const e2 = await expectTrpcError(staff.scheduling.book.mutate({ ...base(), mediatorId, start: romeWinter(MONDAY, '07:50'), place: 'Scuola B' }));
        assert.equal(e2.data?.code, 'CONFLICT');
        // A phone call right after needs no travel.
        await staff.scheduling.book.mutate({ ...base(), mediatorId, start: romeWinter(MONDAY, '10:00'), mode: 'phone', place: '' , durationMinutes: 15 });
        // 10:30 at another place: 15 minutes after the in-person one ended at 10:00 (the call is not in person).
        await staff.scheduling.book.mutate({ ...base(), mediatorId, start: romeWinter(MONDAY, '10:15'), place: 'Scuola B' });
        // The same place typed differently counts as the same place.
        await staff.scheduling.book.mutate({ ...base(), mediatorId, start: romeWinter(MONDAY, '11:15'), place: '  scuola   b ' });
      });

      it('frees the slot once cancelled', async () => {
        const mediatorId = fx.mediators.li!;
        const { appointments } = await staff.scheduling.book.mutate({ ...base(), mediatorId, start: romeWinter(MONDAY, '11:00') });
        await expectTrpcError(staff.scheduling.book.mutate({ ...base(), mediatorId, start: romeWinter(MONDAY, '11:00') }));
        const cancelled = await staff.scheduling.cancel.mutate({ id: appointments[0]!.id });
        assert.equal(cancelled.status, 'cancelled');
        assert.equal(cancelled.sequence, 1);
        assert.equal(cancelled.cancellation, 'in_time');
        assert.equal(cancelled.billedMinutes, 0);
        const again = await staff.scheduling.book.mutate({ ...base(), mediatorId, start: romeWinter(MONDAY, '11:00') });
        assert.notEqual(again.appointments[0]!.id, appointments[0]!.id);
      });
    });

    describe('series, reschedule, outcome', () => {
      it('stores a weekly series at the same local time, across the change to summer time', async () => {
        const mediatorId = fx.mediators.ardit!;
        // Mondays 2027-03-22, 03-29 (after the change of 03-28), 04-05.
        const start = new Date(Date.UTC(2027, 2, 22, 8, 0)).toISOString(); // 09:00 CET
        const { seriesId, appointments } = await staff.scheduling.book.mutate({ ...base(), mediatorId, start, series: { weeklyCount: 3 } });
        assert.ok(seriesId);
        assert.deepEqual(
          appointments.map((a) => a.startsAt),
          ['2027-03-22T08:00:00.000Z', '2027-03-29T07:00:00.000Z', '2027-04-05T07:00:00.000Z'],
        );
        assert.ok(appointments.every((a) => a.seriesId === seriesId));
      });

      it('lists every clashing date of a refused series and stores none of it', async () => {
        const mediatorId = fx.mediators.olena!;
        await staff.scheduling.book.mutate({ ...base(), mediatorId, start: romeWinter('2027-02-08', '09:00') });
        await staff.scheduling.book.mutate({ ...base(), mediatorId, start: romeWinter('2027-02-22', '09:30') });
        const db = ts.server.database.db;
        const before = await db.selectFrom('appointments').select('id').where('mediator_id', '=', mediatorId).execute();
        const error = await expectTrpcError(
          staff.scheduling.book.mutate({ ...base(), mediatorId, start: romeWinter('2027-02-01', '09:00'), series: { weeklyCount: 4 } }),
        );
        assert.equal(error.data?.code, 'CONFLICT');
        const fieldErrors = (error.data as { fieldErrors?: Record<string, string> }).fieldErrors ?? {};
        assert.deepEqual(Object.keys(fieldErrors).sort(), ['occurrences.1', 'occurrences.3']);
        assert.match(error.message, /^2 /);
        const afterRows = await db.selectFrom('appointments').select('id').where('mediator_id', '=', mediatorId).execute();
        assert.equal(afterRows.length, before.length);
        assert.equal((await db.selectFrom('appointment_series').select('id').where('mediator_id', '=', mediatorId).execute()).length, 0);

        // Given dates work the same way.
        const e2 = await expectTrpcError(
          staff.scheduling.book.mutate({ ...base(), mediatorId, start: romeWinter('2027-02-01', '12:00'), series: { starts: [romeWinter('2027-02-08', '09:15')] } }),
        );
        assert.deepEqual(Object.keys((e2.data as { fieldErrors?: Record<string, string> }).fieldErrors ?? {}), ['occurrences.1']);
      });

      it('reschedules keeping the id and raising the sequence; records the outcome', async () => {
        const mediatorId = fx.mediators.arshad!;
        const { appointments } = await staff.scheduling.book.mutate({ ...base(), mediatorId, start: romeWinter('2027-01-12', '10:00') });
        const id = appointments[0]!.id;
        const moved = await staff.scheduling.reschedule.mutate({ id, start: romeWinter('2027-01-12', '14:00') });
        assert.equal(moved.id, id);
        assert.equal(moved.sequence, 1);
        assert.equal(moved.startsAt, romeWinter('2027-01-12', '14:00'));
        // Moving onto itself (overlapping its own old time) is fine; onto another appointment is not.
        await staff.scheduling.reschedule.mutate({ id, start: romeWinter('2027-01-12', '14:30') });
        const other = await staff.scheduling.book.mutate({ ...base(), mediatorId, start: romeWinter('2027-01-12', '09:00') });
        const e = await expectTrpcError(staff.scheduling.reschedule.mutate({ id: other.appointments[0]!.id, start: romeWinter('2027-01-12', '15:00') }));
        assert.equal(e.data?.code, 'CONFLICT');
        const early = await expectTrpcError(staff.scheduling.setOutcome.mutate({ id, outcome: 'held' }));
        assert.equal(early.data?.code, 'CONFLICT');
        const audit = await ts.server.database.db.selectFrom('audit_events').select('action').where('subject_id', '=', id).orderBy('at').execute();
        assert.deepEqual(audit.map((r) => r.action), ['appointment.booked', 'appointment.rescheduled', 'appointment.rescheduled']);
      });

      it('lets only one of two racing changes to an appointment win', async () => {
        const mediatorId = fx.mediators.arshad!;
        const { appointments } = await staff.scheduling.book.mutate({ ...base(), mediatorId, start: romeWinter('2027-01-19', '10:00') });
        const id = appointments[0]!.id;
        const outcomes = await Promise.allSettled([
          staff.scheduling.cancel.mutate({ id }),
          staff.scheduling.reschedule.mutate({ id, start: romeWinter('2027-01-19', '15:00') }),
        ]);
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        assert.equal(won.length, 1, JSON.stringify(outcomes.map((o) => o.status)));
        const lost = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
        assert.equal((lost.reason as { data?: { code?: string } }).data?.code, 'CONFLICT');
        const row = await ts.server.database.db.selectFrom('appointments').select(['sequence', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
        assert.equal(row.sequence, 1);
      });
    });

    describe('hour budgets', () => {
      it('refuses beyond the hours left, lets a coordinator override with a reason, audited', async () => {
        const db = ts.server.database.db;
        await staff.budgets.set.mutate({ organisationId: fx.orgs.rodari, action: '4', schoolYear: '2026/27', hours: 2 });
        const mediatorId = fx.mediators.amina!;
        const book = (time: string, extra: Record<string, unknown> = {}) =>
          staff.scheduling.book.mutate({ ...base(), organisationId: fx.orgs.rodari, action: '4', mediatorId, start: romeWinter('2027-01-13', time), ...extra });
        await book('09:00', { durationMinutes: 30 }); // bills the 60-minute minimum
        await book('10:00');
        const refused = await expectTrpcError(book('11:00'));
        assert.equal(refused.data?.code, 'PRECONDITION_FAILED');
        assert.match(refused.message, /AZIONE 4/);
        const noReason = await expectTrpcError(book('11:00', { override: true }));
        assert.equal(noReason.data?.code, 'BAD_REQUEST');
        const forced = await book('11:00', { override: true, overrideReason: 'Urgenza: colloquio con la famiglia' });
        const overrides = await db.selectFrom('audit_events').select(['details', 'actor_kind']).where('action', '=', 'budget.override').where('subject_id', '=', forced.appointments[0]!.id).execute();
        assert.equal(overrides.length, 1);
        assert.match(JSON.stringify(overrides[0]!.details), /Urgenza/);

        const [budget] = await staff.budgets.list.query({ schoolYear: '2026/27', organisationId: fx.orgs.rodari });
        assert.ok(budget);
        const row = (await staff.budgets.list.query({ schoolYear: '2026/27', organisationId: fx.orgs.rodari })).find((b) => b.action === '4')!;
        assert.equal(row.minutesGranted, 120);
        assert.equal(row.minutesUsed, 180);
        assert.equal(row.minutesRemaining, -60);
      });

      it('a referent cannot override; a late cancellation counts the minimum billable time', async () => {
        const referent = await signIn(ts, 'referente.manzoni@demo.ponte.test');
        const e = await expectTrpcError(
          ts.client({ token: referent }).scheduling.book.mutate({ ...base(), mediatorId: fx.mediators.amina!, start: romeWinter('2027-01-18', '09:00'), override: true, overrideReason: 'x' }),
        );
        assert.equal(e.data?.code, 'FORBIDDEN');
        // Starts in 2 hours: inside the 48-hour notice.
        const soon = new Date(Math.ceil((Date.now() + 2 * 3_600_000) / 3_600_000) * 3_600_000).toISOString();
        const { appointments } = await staff.scheduling.book.mutate({ ...base(), mediatorId: fx.mediators.li!, start: soon, mode: 'video', place: '', durationMinutes: 30, override: true, overrideReason: 'prova' });
        const cancelled = await staff.scheduling.cancel.mutate({ id: appointments[0]!.id, reason: 'famiglia assente' });
        assert.equal(cancelled.cancellation, 'late');
        assert.equal(cancelled.billedMinutes, 60);
      });
    });

    describe('who may book', () => {
      it('a publishable key books for its organisation inside availability only; never overrides', async () => {
        const key = ts.client({ key: 'pk_demo_servizi' });
        const mediatorId = fx.mediators.olena!; // Mon–Sat 14:00–18:00
        const ok = await key.scheduling.book.mutate({ mediatorId, action: '2', start: romeWinter('2027-01-19', '15:00'), durationMinutes: 60, mode: 'video' });
        assert.equal(ok.appointments[0]!.organisationId, fx.orgs.servizi);
        const outside = await expectTrpcError(key.scheduling.book.mutate({ mediatorId, action: '2', start: romeWinter('2027-01-19', '10:00'), durationMinutes: 60, mode: 'video' }));
        assert.equal(outside.data?.code, 'CONFLICT');
        // Inside her hours, but a Monday already gone: refused at the start field, nothing stored.
        const before = await countRows(ts.server.database.db);
        const past = await expectTrpcError(key.scheduling.book.mutate({ mediatorId, action: '2', start: romeWinter('2026-01-19', '15:00'), durationMinutes: 60, mode: 'video' }));
        assert.equal(past.data?.code, 'BAD_REQUEST');
        assert.match(past.message, /già passato/);
        assert.ok((past.data as { fieldErrors?: Record<string, string> }).fieldErrors?.start);
        assert.deepEqual(await countRows(ts.server.database.db), before);
        // Nor in a series whose later dates reach back: named at the occurrence.
        const series = await expectTrpcError(key.scheduling.book.mutate({ mediatorId, action: '2', start: romeWinter('2027-01-19', '15:00'), durationMinutes: 60, mode: 'video', series: { starts: [romeWinter('2026-01-20', '15:00')] } }));
        assert.equal(series.data?.code, 'BAD_REQUEST');
        assert.ok((series.data as { fieldErrors?: Record<string, string> }).fieldErrors?.['occurrences.1']);
        assert.deepEqual(await countRows(ts.server.database.db), before);
        const otherOrg = await expectTrpcError(key.scheduling.book.mutate({ mediatorId, organisationId: fx.orgs.manzoni, action: '1', start: romeWinter('2027-01-19', '16:00'), durationMinutes: 60, mode: 'video' }));
        assert.equal(otherOrg.data?.code, 'FORBIDDEN');
        const forced = await expectTrpcError(key.scheduling.book.mutate({ mediatorId, action: '2', start: romeWinter('2027-01-19', '16:00'), durationMinutes: 60, mode: 'video', override: true, overrideReason: 'x' }));
        assert.equal(forced.data?.code, 'FORBIDDEN');
      });

      it('a mediator sees their own appointments only; another tenant sees nothing', async () => {
        const amina = await signIn(ts, 'amina.elidrissi@demo.ponte.test');
        const mine = await ts.client({ token: amina }).scheduling.list.query({ from: '2027-01-01T00:00:00Z', to: '2027-12-31T00:00:00Z' });
        assert.ok(mine.length > 0);
        assert.ok(mine.every((a) => a.mediatorId === fx.mediators.amina));
        const denied = await expectTrpcError(ts.client({ token: amina }).scheduling.book.mutate({ ...base(), mediatorId: fx.mediators.amina!, start: romeWinter('2027-01-25', '09:00') }));
        assert.equal(denied.data?.code, 'FORBIDDEN');
        const other = await createOtherTenant(ts.server.database.db);
        const otherToken = await signIn(ts, other.emails.coordinator, OTHER_PASSWORD);
        const theirs = await ts.client({ token: otherToken }).scheduling.list.query({ from: '2027-01-01T00:00:00Z', to: '2027-12-31T00:00:00Z' });
        assert.deepEqual(theirs, []);
        const e = await expectTrpcError(ts.client({ token: otherToken }).scheduling.get.query({ id: mine[0]!.id }));
        assert.equal(e.data?.code, 'NOT_FOUND');
        const e2 = await expectTrpcError(
          ts.client({ token: otherToken }).scheduling.book.mutate({ ...base(), organisationId: other.schoolId, mediatorId: fx.mediators.amina!, start: romeWinter('2027-01-25', '09:00') }),
        );
        assert.equal(e2.data?.code, 'NOT_FOUND');
      });
    });

    if (kind === 'postgres') {
      it('the exclusion constraints themselves refuse an overlap and a missing buffer (SQLSTATE 23P01)', async () => {
        const db = ts.server.database.db;
        const { appointments } = await staff.scheduling.book.mutate({ ...base(), mediatorId: fx.mediators.li!, start: romeWinter('2027-03-01', '09:00'), place: 'Scuola A' });
        const a = appointments[0]!;
        const row = await db.selectFrom('appointments').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
        const copy = (id: string, startsAt: string, endsAt: string, extra: Record<string, unknown> = {}) =>
          db.insertInto('appointments').values({ ...row, id, starts_at: startsAt, ends_at: endsAt, buffer_until: endsAt, ...extra } as never).execute();
        const overlap = await copy('raw-overlap', romeWinter('2027-03-01', '09:30'), romeWinter('2027-03-01', '10:30'), { mode: 'video' }).catch((e: unknown) => e);
        assert.equal((overlap as { code?: string }).code, '23P01');
        assert.equal((overlap as { constraint?: string }).constraint, 'appointments_no_overlap');
        const buffer = await copy('raw-buffer', romeWinter('2027-03-01', '10:05'), romeWinter('2027-03-01', '11:00'), { place_key: 'altrove', buffer_until: romeWinter('2027-03-01', '11:15') }).catch((e: unknown) => e);
        assert.equal((buffer as { constraint?: string }).constraint, 'appointments_travel_buffer');
        // Back to back at the same place, and a cancelled overlap, are accepted.
        await copy('raw-same-place', romeWinter('2027-03-01', '10:00'), romeWinter('2027-03-01', '11:00'));
        await copy('raw-cancelled', romeWinter('2027-03-01', '09:00'), romeWinter('2027-03-01', '10:00'), { status: 'cancelled' });
      });
    }

    describe('concurrency', () => {
      // Two server processes on one database: this one, and one spawned (on
      // SQLite, one file: the check-then-insert holds across processes
      // because BEGIN IMMEDIATE takes the write lock before the check; on
      // PostgreSQL the exclusion constraint holds it).
      it('two server processes on one database: exactly one of 20 concurrent bookings of a slot', async () => {
        const second = await startServerProcess(ts.config.databaseUrl);
        const urls = [ts.url, second.url];
        try {
          const clients = urls.map((url) =>
            createTRPCClient<AppRouter>({ links: [httpLink({ url: `${url}/trpc`, headers: { authorization: `Bearer ${fx.coordinator}` } })] }),
          );
          const mediatorId = fx.mediators.arshad!;
          const start = romeWinter('2027-02-02', '10:00');
          const results = await Promise.allSettled(
            Array.from({ length: 20 }, (_, i) =>
              clients[i % clients.length]!.scheduling.book.mutate({ ...base(), mediatorId, start, place: i % 2 ? 'Scuola A' : 'Scuola B' }),
            ),
          );
          const ok = results.filter((r) => r.status === 'fulfilled');
          const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
          assert.equal(ok.length, 1);
          assert.equal(refused.length, 19);
          for (const r of refused) assert.equal((r.reason as { data?: { code?: string } }).data?.code, 'CONFLICT', String(r.reason));
          const rows = await ts.server.database.db.selectFrom('appointments').select('id').where('mediator_id', '=', mediatorId).where('starts_at', '=', start).execute();
          assert.equal(rows.length, 1);
        } finally {
          await second.stop();
        }
      });
    });
  });
}
