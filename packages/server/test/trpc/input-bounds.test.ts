import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseKinds } from '../helpers/databases.js';
import { countRows } from '../helpers/fixtures.js';
import { sampleFor } from '../helpers/samples.js';
import { romeWinter, schedulingFixture, type SchedulingFixture } from '../helpers/scheduling.js';
import { expectTrpcError, startTestServer, type TestServer } from '../helpers/test-server.js';

/*
 * Inputs that once held a server or answered 500: far instants (a series
 * running a century, a start in year 3000 or 9999), lone UTF-16 surrogates
 * in free text, and names passed off as case codes. Each is refused with a
 * located 400 in the caller's language, the same on both databases, and
 * nothing is written.
 */

// 2027-01-11 is a Monday in winter, inside the demo mediators' weekly hours (Monday 09:00–13:00).
const MONDAY = '2027-01-11';
const fieldErrorsOf = (error: { data?: unknown }) => (error.data as { fieldErrors?: Record<string, string> } | undefined)?.fieldErrors ?? {};

for (const kind of await databaseKinds()) {
  describe(`bounded inputs on ${kind}`, () => {
    let ts: TestServer;
    let fx: SchedulingFixture;
    let staff: ReturnType<TestServer['client']>;
    let key: ReturnType<TestServer['client']>;

    before(async () => {
      ts = await startTestServer(kind);
      fx = await schedulingFixture(ts);
      staff = ts.client({ token: fx.coordinator });
      key = ts.client({ key: 'pk_demo_manzoni' });
    });
    after(() => ts.close());

    /** Runs a call that must be refused with 400 at `path`, and proves nothing was written. */
    async function refusedAt(call: () => Promise<unknown>, path: string): Promise<string> {
      const before = await countRows(ts.server.database.db);
      const error = await expectTrpcError(call());
      assert.equal(error.data?.httpStatus, 400, `${path}: ${error.message}`);
      const message = fieldErrorsOf(error)[path];
      assert.ok(message, `no error at ${path}: ${JSON.stringify(fieldErrorsOf(error))}`);
      assert.deepEqual(await countRows(ts.server.database.db), before);
      return message;
    }

    const keyBooking = (mediatorId: string) => ({ mediatorId, action: '1' as const, start: romeWinter(MONDAY, '09:00'), durationMinutes: 60, mode: 'video' as const });

    describe('instants', () => {
      it('refuses a key’s series running a century, at the far date, before any work', async () => {
        const started = Date.now();
        const message = await refusedAt(
          () => key.scheduling.book.mutate({ ...keyBooking(fx.mediators.amina!), series: { starts: ['2126-04-07T08:00:00Z'] } }),
          'series.starts.0',
        );
        assert.match(message, /2099/);
        assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
        // Within Ponte's years but past a school year from the first date: still a located refusal.
        await refusedAt(
          () => key.scheduling.book.mutate({ ...keyBooking(fx.mediators.amina!), series: { starts: [romeWinter('2027-02-01', '09:00'), romeWinter('2029-01-15', '09:00')] } }),
          'series.starts.1',
        );
      });

      it('checks a series within the year occurrence by occurrence', async () => {
        // Monday 09:00 weekly for a school year's length: every occurrence inside Monday's hours.
        const starts = [romeWinter('2027-01-18', '09:00'), romeWinter('2027-06-07', '09:00'), romeWinter('2027-12-13', '09:00')];
        const booked = await key.scheduling.book.mutate({ ...keyBooking(fx.mediators.amina!), series: { starts } });
        assert.equal(booked.appointments.length, 4);
        // One of them outside availability (a Sunday) is named by its place in the series.
        const error = await expectTrpcError(
          key.scheduling.book.mutate({
            ...keyBooking(fx.mediators.amina!),
            start: romeWinter(MONDAY, '11:00'),
            series: { starts: [romeWinter('2027-01-19', '11:00'), romeWinter('2027-01-24', '11:00')] },
          }),
        );
        assert.equal(error.data?.code, 'CONFLICT');
        assert.ok(fieldErrorsOf(error)['occurrences.2'], JSON.stringify(fieldErrorsOf(error)));
      });

      it('refuses a lone start in year 3000 or before 2000, in the caller’s language', async () => {
        const late = await refusedAt(() => key.scheduling.book.mutate({ ...keyBooking(fx.mediators.amina!), start: '3000-01-01T08:00:00Z' }), 'start');
        assert.match(late, /può essere dopo/i);
        const en = await expectTrpcError(
          ts.client({ key: 'pk_demo_manzoni', locale: 'en' }).scheduling.book.mutate({ ...keyBooking(fx.mediators.amina!), start: '1999-12-31T08:00:00Z' }),
        );
        assert.match(fieldErrorsOf(en)['start'] ?? '', /must not be before/i);
      });

      it('answers 400, never 500, for a coordinator’s booking or move in year 9999', async () => {
        const far = '9999-12-31T23:30:00Z';
        await refusedAt(
          () => staff.scheduling.book.mutate({ mediatorId: fx.mediators.ardit!, organisationId: fx.orgs.manzoni, action: '1', start: far, durationMinutes: 60, mode: 'video', override: true, overrideReason: 'prova' }),
          'start',
        );
        const { appointments } = await staff.scheduling.book.mutate({
          mediatorId: fx.mediators.ardit!,
          organisationId: fx.orgs.manzoni,
          action: '1',
          start: romeWinter(MONDAY, '12:00'),
          durationMinutes: 60,
          mode: 'video',
          override: true,
          overrideReason: 'prova',
        });
        await refusedAt(() => staff.scheduling.reschedule.mutate({ id: appointments[0]!.id, start: far }), 'start');
        await refusedAt(() => staff.scheduling.list.query({ from: '2027-01-01T00:00:00Z', to: far }), 'to');
      });

      it('bounds the window of a list to a school year', async () => {
        await refusedAt(() => staff.scheduling.list.query({ from: '2027-01-01T00:00:00Z', to: '2029-01-01T00:00:00Z' }), 'to');
        await refusedAt(() => staff.scheduling.list.query({ from: '2027-02-01T00:00:00Z', to: '2027-01-01T00:00:00Z' }), 'to');
        assert.ok(Array.isArray(await staff.scheduling.list.query({ from: '2026-09-01T00:00:00Z', to: '2027-08-31T00:00:00Z' })));
      });

      it('refuses a forged page cursor naming a day that does not exist or year 0', async () => {
        for (const createdAt of ['2026-02-30T00:00:00.000Z', '0000-01-01T00:00:00.000Z', '3000-01-01T00:00:00.000Z']) {
          const cursor = Buffer.from(`${createdAt}|x`).toString('base64url');
          await refusedAt(() => staff.submissions.list.query({ cursor }), 'cursor');
          await refusedAt(() => staff.requests.queue.query({ cursor }), 'cursor');
        }
      });

      it('refuses a school year outside Ponte’s years', async () => {
        await refusedAt(() => staff.budgets.set.mutate({ organisationId: fx.orgs.manzoni, action: '1', schoolYear: '9999/00', hours: 10 }), 'schoolYear');
      });

      it('refuses a form date in year 3000', async () => {
        const data = { ...sampleFor('school-request', fx.orgs.manzoni), proposedSlots: [{ date: '3000-01-05', from: '09:00', to: '10:00' }] };
        await refusedAt(() => key.submissions.submit.mutate({ formId: 'school-request', version: 1, data }), 'proposedSlots.0.date');
      });
    });

    describe('lone surrogates', () => {
      it('refuses one in a form’s free text, and stores nothing', async () => {
        const data = { ...sampleFor('school-request', fx.orgs.manzoni), need: 'Bisogno \ud800' };
        const message = await refusedAt(() => key.submissions.submit.mutate({ formId: 'school-request', version: 1, data }), 'need');
        assert.match(message, /caratteri non ammessi/);
      });

      it('refuses one in a mediator’s name and in an exception’s note', async () => {
        await refusedAt(() => staff.mediators.create.mutate({ displayName: 'A\ud800', gender: null, languages: [{ code: 'ara', level: 'native' }] }), 'displayName');
        await refusedAt(
          () => staff.availability.addException.mutate({ mediatorId: fx.mediators.amina!, date: '2027-01-12', kind: 'unavailable', note: 'ferie \udc00' }),
          'note',
        );
      });

      it('refuses one in an object key, naming the object rather than echoing the key', async () => {
        const data = { ...sampleFor('school-request', fx.orgs.manzoni), ['x\ud800']: 'y' };
        await refusedAt(() => key.submissions.submit.mutate({ formId: 'school-request', version: 1, data }), '');
      });

      it('keeps a well-formed pair (an emoji) as it was typed', async () => {
        const data = { ...sampleFor('school-request', fx.orgs.manzoni), need: 'Colloquio con la famiglia 🙂' };
        const receipt = await key.submissions.submit.mutate({ formId: 'school-request', version: 1, data });
        assert.match(receipt.protocol, /\d/);
      });
    });

    describe('case codes', () => {
      it('refuses a name and surname or initials with a number added, and takes office codes', async () => {
        const booking = { mediatorId: fx.mediators.olena!, organisationId: fx.orgs.manzoni, action: '1' as const, durationMinutes: 60, mode: 'video' as const, override: true, overrideReason: 'prova' };
        for (const caseCode of ['MARIO.ROSSI.2017', 'ROSSI1', 'MARIO-2017', 'M.R.2017', '2017.ROSSI']) {
          const message = await refusedAt(() => staff.scheduling.book.mutate({ ...booking, start: romeWinter(MONDAY, '09:00'), caseCode }), 'caseCode');
          assert.match(message, /mai un nome/);
        }
        let hour = 9;
        for (const caseCode of ['SS-2026-014', 'IC/2026/7', 'MZ-7', 'A5.2027.003']) {
          const { appointments } = await staff.scheduling.book.mutate({ ...booking, start: romeWinter(MONDAY, `${String(hour++).padStart(2, '0')}:00`), caseCode });
          assert.equal(appointments[0]!.caseCode, caseCode);
        }
      });
    });
  });
}
