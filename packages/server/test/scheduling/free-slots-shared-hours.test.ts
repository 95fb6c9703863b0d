import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDatabase, migrateToLatest, type DatabaseHandle } from '@ponte/server';
import type { KeyHolder } from '../../src/auth/actor.js';
import { freeSlots } from '../../src/scheduling/free-slots.service.js';
import { serviceCall } from '../../src/service-call.js';
import { createDatabase, databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { romeWinter } from '../helpers/scheduling.js';

const AT = '2027-01-01T00:00:00.000Z';

// Free slots expand each distinct set of hours once and share it between the
// mediators who keep it: what one mediator's appointments take must not show
// in another's slots.
for (const kind of await databaseKinds()) {
  describe(`free slots of mediators who keep the same hours on ${kind}`, () => {
    let testDb: TestDatabase;
    let handle: DatabaseHandle;

    before(async () => {
      testDb = await createDatabase(kind);
      handle = openDatabase(testDb.url);
      const db = handle.db;
      await migrateToLatest(db);
      await db.insertInto('tenants').values({ id: 't-a', slug: 't-a', name: 'A', time_zone: 'Europe/Rome', created_at: AT }).execute();
      await db.insertInto('organisations').values({ id: 'o-a', tenant_id: 't-a', kind: 'school', name: 'IC', mechanographic_code: null, service_type: null, created_at: AT }).execute();
      const mediators = ['m1', 'm2', 'm3'];
      await db.insertInto('mediators').values(mediators.map((id) => ({ id, tenant_id: 't-a', user_id: null, display_name: id, gender: null, areas: '[]', disabled_at: null, created_at: AT }))).execute();
      await db.insertInto('mediator_languages').values(mediators.map((id) => ({ mediator_id: id, tenant_id: 't-a', language_code: 'ara', variety: '', level: 'native' }))).execute();
      // m1 and m2 keep Monday 09:00–12:00; m3 Monday 14:00–15:00.
      const rule = (id: string, mediatorId: string, startTime: string, endTime: string) => ({
        id, tenant_id: 't-a', mediator_id: mediatorId, weekday: 1, start_time: startTime, end_time: endTime, valid_from: null, valid_to: null, created_at: AT,
      });
      await db.insertInto('availability_rules').values([rule('r1', 'm1', '09:00', '12:00'), rule('r2', 'm2', '09:00', '12:00'), rule('r3', 'm3', '14:00', '15:00')]).execute();
      await db
        .insertInto('appointments')
        .values({
          id: 'a1', tenant_id: 't-a', mediator_id: 'm1', organisation_id: 'o-a', submission_id: null, series_id: null, action: '1', school_year: '2026/27',
          starts_at: romeWinter('2027-01-11', '10:00'), ends_at: romeWinter('2027-01-11', '11:00'), buffer_until: romeWinter('2027-01-11', '11:00'),
          mode: 'video', place: '', place_key: '', case_code: '', status: 'scheduled', sequence: 0, billed_minutes: 60,
          cancelled_at: null, cancellation: null, created_at: AT, updated_at: AT,
        })
        .execute();
    });
    after(async () => {
      await handle.close();
      await testDb.drop();
    });

    it('gives each mediator their own free time', async () => {
      const who: KeyHolder = { kind: 'key', keyId: 'k', tenantId: 't-a', organisationId: 'o-a' };
      const call = serviceCall({ db: handle.db, dialect: handle.dialect, locale: 'it', now: new Date(AT), config: { publicUrl: 'http://test', sessionTtlMinutes: 60 } }, who);
      const answer = await freeSlots(call, { language: 'ara', from: '2027-01-11', to: '2027-01-11', durationMinutes: 60, mode: 'phone' });
      assert.deepEqual(
        answer.days.map((d) => [d.date, d.slots.map((s) => [s.localTime, s.mediatorIds])]),
        [
          [
            '2027-01-11',
            [
              ['09:00', ['m1', 'm2']],
              ['09:30', ['m2']],
              ['10:00', ['m2']],
              ['10:30', ['m2']],
              ['11:00', ['m1', 'm2']],
              ['14:00', ['m3']],
            ],
          ],
        ],
      );
    });
  });
}
