import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDatabase, migrateToLatest, type DatabaseHandle } from '@ponte/server';
import type { AppointmentMode, AppointmentStatus } from '../../src/db/database.js';
import { busyOf } from '../../src/scheduling/appointment.repository.js';
import { busyIntervalsBy } from '../../src/scheduling/busy-intervals.js';
import { busyIntervalsOf } from '../../src/scheduling/busy-intervals.repository.js';
import type { Interval } from '../../src/scheduling/intervals.js';
import { createDatabase, databaseKinds, type TestDatabase } from '../helpers/databases.js';

const AT = '2027-01-01T00:00:00.000Z';
const MINUTE = 60_000;
// The window searched: 11 January 2027, 07:00–19:00 UTC.
const WINDOW = { from: '2027-01-11T07:00:00.000Z', to: '2027-01-11T19:00:00.000Z' };
const ms = (iso: string) => Date.parse(iso);
const sorted = (intervals: Interval[] | undefined) => [...(intervals ?? [])].sort((a, b) => a.start - b.start);

for (const kind of await databaseKinds()) {
  describe(`busy intervals read for free slots on ${kind}`, () => {
    let testDb: TestDatabase;
    let handle: DatabaseHandle;
    const ids = { busy: 'm-busy', idle: 'm-idle', elsewhere: 'm-elsewhere' };

    before(async () => {
      testDb = await createDatabase(kind);
      handle = openDatabase(testDb.url);
      const db = handle.db;
      await migrateToLatest(db);
      for (const tenant of ['t-a', 't-b']) {
        await db.insertInto('tenants').values({ id: tenant, slug: tenant, name: tenant, time_zone: 'Europe/Rome', created_at: AT }).execute();
        await db.insertInto('organisations').values({ id: `o-${tenant}`, tenant_id: tenant, kind: 'school', name: 'IC', mechanographic_code: null, service_type: null, created_at: AT }).execute();
      }
      const mediator = (id: string, tenant: string) => ({ id, tenant_id: tenant, user_id: null, display_name: id, gender: null, areas: '[]', disabled_at: null, created_at: AT });
      await db.insertInto('mediators').values([mediator(ids.busy, 't-a'), mediator(ids.idle, 't-a'), mediator(ids.elsewhere, 't-b')]).execute();
      let n = 0;
      const appointment = (mediatorId: string, startsAt: string, endsAt: string, bufferUntil: string, mode: AppointmentMode, status: AppointmentStatus = 'scheduled') => {
        const tenant = mediatorId === ids.elsewhere ? 't-b' : 't-a';
        return {
          id: `a-${++n}`, tenant_id: tenant, mediator_id: mediatorId, organisation_id: `o-${tenant}`, submission_id: null, series_id: null,
          action: '1' as const, school_year: '2026/27', starts_at: startsAt, ends_at: endsAt, buffer_until: bufferUntil, mode,
          place: mode === 'in_person' ? 'Scuola' : '', place_key: mode === 'in_person' ? 'scuola' : '', case_code: '', status, sequence: 0,
          billed_minutes: 60, cancelled_at: status === 'cancelled' ? AT : null, cancellation: null, created_at: AT, updated_at: AT,
        };
      };
      await db
        .insertInto('appointments')
        .values([
          // Started before the window, its buffer reaches into it.
          appointment(ids.busy, '2027-01-11T06:00:00.000Z', '2027-01-11T06:50:00.000Z', '2027-01-11T07:05:00.000Z', 'in_person'),
          // To the millisecond.
          appointment(ids.busy, '2027-01-11T08:00:00.250Z', '2027-01-11T09:00:00.250Z', '2027-01-11T09:15:00.250Z', 'in_person'),
          appointment(ids.busy, '2027-01-11T10:00:00.000Z', '2027-01-11T10:30:00.000Z', '2027-01-11T10:30:00.000Z', 'video'),
          appointment(ids.busy, '2027-01-11T11:00:00.000Z', '2027-01-11T11:45:00.000Z', '2027-01-11T11:45:00.000Z', 'phone'),
          appointment(ids.busy, '2027-01-11T12:00:00.000Z', '2027-01-11T13:00:00.000Z', '2027-01-11T13:15:00.000Z', 'in_person', 'cancelled'),
          appointment(ids.busy, '2027-01-11T14:00:00.000Z', '2027-01-11T15:00:00.000Z', '2027-01-11T15:15:00.000Z', 'in_person', 'held'),
          // Outside the window, before and after.
          appointment(ids.busy, '2027-01-11T05:00:00.000Z', '2027-01-11T05:30:00.000Z', '2027-01-11T05:45:00.000Z', 'in_person'),
          appointment(ids.busy, '2027-01-11T19:00:00.000Z', '2027-01-11T20:00:00.000Z', '2027-01-11T20:15:00.000Z', 'in_person'),
          // Another tenant's.
          appointment(ids.elsewhere, '2027-01-11T09:00:00.000Z', '2027-01-11T10:00:00.000Z', '2027-01-11T10:15:00.000Z', 'in_person'),
        ])
        .execute();
    });
    after(async () => {
      await handle.close();
      await testDb.drop();
    });

    const read = (mode: AppointmentMode, bufferMinutes: number, tenantId = 't-a', mediatorIds = [ids.busy, ids.idle]) =>
      busyIntervalsOf(handle.db, handle.dialect, tenantId, mediatorIds, WINDOW, mode, bufferMinutes * MINUTE);

    it('an in-person search: in-person appointments block the search’s buffer before and their own after; cancelled ones nothing', async () => {
      const busy = await read('in_person', 20);
      assert.deepEqual([...busy.keys()], [ids.busy]);
      assert.deepEqual(sorted(busy.get(ids.busy)), [
        { start: ms('2027-01-11T05:40:00.000Z'), end: ms('2027-01-11T07:05:00.000Z') },
        { start: ms('2027-01-11T07:40:00.250Z'), end: ms('2027-01-11T09:15:00.250Z') },
        { start: ms('2027-01-11T10:00:00.000Z'), end: ms('2027-01-11T10:30:00.000Z') },
        { start: ms('2027-01-11T11:00:00.000Z'), end: ms('2027-01-11T11:45:00.000Z') },
        { start: ms('2027-01-11T13:40:00.000Z'), end: ms('2027-01-11T15:15:00.000Z') },
      ]);
    });

    it('a phone or video search: every appointment blocks its own time only', async () => {
      for (const mode of ['phone', 'video'] as const) {
        assert.deepEqual(sorted((await read(mode, 20)).get(ids.busy)), [
          // Read because its buffer reaches into the window; it blocks nothing there.
          { start: ms('2027-01-11T06:00:00.000Z'), end: ms('2027-01-11T06:50:00.000Z') },
          { start: ms('2027-01-11T08:00:00.250Z'), end: ms('2027-01-11T09:00:00.250Z') },
          { start: ms('2027-01-11T10:00:00.000Z'), end: ms('2027-01-11T10:30:00.000Z') },
          { start: ms('2027-01-11T11:00:00.000Z'), end: ms('2027-01-11T11:45:00.000Z') },
          { start: ms('2027-01-11T14:00:00.000Z'), end: ms('2027-01-11T15:00:00.000Z') },
        ]);
      }
    });

    it('answers what the row-by-row rule answers, for every mode and buffer', async () => {
      for (const mode of ['in_person', 'phone', 'video'] as const) {
        for (const bufferMinutes of [0, 15, 240]) {
          const expected = busyIntervalsBy(await busyOf(handle.db, 't-a', [ids.busy, ids.idle], WINDOW.from, WINDOW.to), mode, bufferMinutes * MINUTE);
          const busy = await read(mode, bufferMinutes);
          assert.deepEqual([...busy.keys()], [...expected.keys()]);
          for (const [id, intervals] of expected) assert.deepEqual(sorted(busy.get(id)), sorted(intervals), `${mode}, ${bufferMinutes} min`);
        }
      }
    });

    it('reads the caller’s tenant only', async () => {
      assert.equal((await read('in_person', 15, 't-a', [ids.elsewhere])).size, 0);
      assert.equal((await read('in_person', 15, 't-b', [ids.busy])).size, 0);
      assert.equal((await read('in_person', 15, 't-a', [])).size, 0);
    });
  });
}
