import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, migrateTo, migrateToLatest, seedDemo } from '@ponte/server';
import { appointmentsShownIn } from '../../src/calendar-feeds/feed-appointments.js';
import { createDatabase, databaseKinds } from '../helpers/databases.js';

/*
 * 0007 keeps each owner's count of appointment writes in schedule_versions.
 * An upgrade must start each count where the sum the feeds used before
 * stood (`sequence + 1` over what the owner's feed may show), or every
 * calendar would be sent its whole feed again, or worse, a count behind the
 * sum could meet a tag already given out.
 */

for (const kind of await databaseKinds()) {
  describe(`upgrading a ${kind} database to 0007`, () => {
    it('starts every owner’s count of writes at the sum over its feed’s appointments', async () => {
      const testDb = await createDatabase(kind);
      const handle = openDatabase(testDb.url);
      try {
        const db = handle.db;
        await migrateTo(db, '0006_domain_events');
        await seedDemo(db, []);
        const tenant = await db.selectFrom('tenants').select('id').executeTakeFirstOrThrow();
        const [m1, m2, idle] = (await db.selectFrom('mediators').select('id').where('tenant_id', '=', tenant.id).orderBy('id').execute()).map((m) => m.id);
        const [school, service, quiet] = (await db.selectFrom('organisations').select('id').where('tenant_id', '=', tenant.id).orderBy('id').execute()).map((o) => o.id);
        const at = '2026-11-20T09:00:00.000Z';
        // An A.5 request of the service: its feed leaves the consultation's appointments out.
        await db.insertInto('submissions').values({
          id: 'a5-before-0007', tenant_id: tenant.id, organisation_id: service!, form_id: 'ethnoclinical-request', form_version: 1, protocol: '2026/999999', protocol_year: 2026,
          protocol_seq: 999999, tracking_code: 'A5-BEFORE-0007', status: 'approved', data: '{}', submitted_via: 'key', submitted_by_user_id: null, publishable_key_id: null,
          idempotency_key: null, request_hash: 'h', created_at: at, updated_at: at,
        }).execute();
        let day = 0;
        const appointment = (mediatorId: string | null, organisationId: string, sequence: number, submissionId: string | null = null) => {
          const starts = new Date(Date.UTC(2027, 0, 11 + day++, 8)).toISOString();
          const ends = new Date(Date.parse(starts) + 3_600_000).toISOString();
          return {
            id: `appt-before-0007-${day}`, tenant_id: tenant.id, mediator_id: mediatorId, organisation_id: organisationId, submission_id: submissionId, series_id: null,
            action: '1' as const, school_year: '2026/27', starts_at: starts, ends_at: ends, buffer_until: ends, mode: 'video' as const, place: '', place_key: '',
            case_code: 'MZ-1', status: sequence > 0 ? ('cancelled' as const) : ('scheduled' as const), sequence, billed_minutes: 60, cancelled_at: null, cancellation: null,
            created_at: at, updated_at: at, idempotency_key: null, request_hash: null,
          };
        };
        await db.insertInto('appointments').values([
          appointment(m1!, school!, 0),
          appointment(m1!, school!, 2),
          appointment(m2!, school!, 1),
          appointment(m1!, service!, 1, 'a5-before-0007'),
          appointment(null, service!, 0, 'a5-before-0007'),
          appointment(m2!, service!, 0),
        ]).execute();
        const owners = [
          ...[m1!, m2!, idle!].map((ownerId) => ({ ownerKind: 'mediator' as const, ownerId })),
          ...[school!, service!, quiet!].map((ownerId) => ({ ownerKind: 'organisation' as const, ownerId })),
        ];
        const summed = async () =>
          Promise.all(
            owners.map(async (owner) => {
              const row = await appointmentsShownIn(db, { tenantId: tenant.id, ...owner })
                .select(sql<number | string | null>`sum(a.sequence + 1)`.as('writes'))
                .executeTakeFirstOrThrow();
              return Number(row.writes ?? 0);
            }),
          );
        const kept = async () =>
          Promise.all(
            owners.map(async (owner) => {
              const row = await db.selectFrom('schedule_versions').selectAll().where('owner_kind', '=', owner.ownerKind).where('owner_id', '=', owner.ownerId).executeTakeFirst();
              if (row) assert.equal(row.tenant_id, tenant.id);
              return row?.writes ?? 0;
            }),
          );
        const before = await summed();
        assert.deepEqual(before, [1 + 3 + 2, 2 + 1, 0, 1 + 3 + 2, 1, 0]);

        await migrateToLatest(db);
        assert.deepEqual(await kept(), before);
        // Owners without a write have no row: they read as 0.
        assert.equal((await db.selectFrom('schedule_versions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n, kind === 'postgres' ? '4' : 4);

        // Rolled back and upgraded again, the counts start from the appointments as they are then.
        await migrateTo(db, '0006_domain_events');
        await db.updateTable('appointments').set({ sequence: 3, status: 'cancelled' }).where('id', '=', 'appt-before-0007-6').execute();
        await migrateToLatest(db);
        assert.deepEqual(await kept(), await summed());
        assert.deepEqual(await kept(), [6, 3 + 3, 0, 6, 4, 0]);
      } finally {
        await handle.close();
        await testDb.drop();
      }
    });
  });
}
