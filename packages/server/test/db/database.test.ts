import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, migrateTo, migrateToLatest, seedDemo, type DatabaseHandle } from '@ponte/server';
import { nextProtocolSeq } from '../../src/submissions/submission.repository.js';
import { isUniqueViolation } from '../../src/db/errors.js';
import { createDatabase, databaseKinds, type TestDatabase } from '../helpers/databases.js';

for (const kind of await databaseKinds()) {
  describe(`database on ${kind}`, () => {
    let testDb: TestDatabase;
    let handle: DatabaseHandle;
    before(async () => {
      testDb = await createDatabase(kind);
      handle = openDatabase(testDb.url);
      await migrateToLatest(handle.db);
    });
    after(async () => {
      await handle.close();
      await testDb.drop();
    });

    it('migrates a new database, and a second run changes nothing', async () => {
      await migrateToLatest(handle.db);
      const tables = await handle.db.introspection.getTables();
      const names = tables.map((t) => t.name);
      for (const table of ['tenants', 'organisations', 'users', 'sessions', 'publishable_keys', 'submissions', 'audit_events', 'protocol_counters']) {
        assert.ok(names.includes(table), table);
      }
    });

    it('hands out protocol numbers without gaps or repeats under concurrency', async () => {
      const db = handle.db;
      await db.insertInto('tenants').values({ id: 't1', slug: 't1', name: 'T1', time_zone: 'Europe/Rome', created_at: new Date().toISOString() }).execute();
      const seqs = await Promise.all(
        Array.from({ length: 25 }, () => db.transaction().execute((trx) => nextProtocolSeq(trx, 't1', 2026))),
      );
      assert.deepEqual([...seqs].sort((a, b) => a - b), Array.from({ length: 25 }, (_, i) => i + 1));
      assert.equal(await nextProtocolSeq(db, 't1', 2027), 1);
    });

    it('recognises a unique violation on this database', async () => {
      const error = await handle.db
        .insertInto('tenants')
        .values({ id: 't1', slug: 'again', name: 'dup', time_zone: 'Europe/Rome', created_at: new Date().toISOString() })
        .execute()
        .then(() => null, (e: unknown) => e);
      assert.ok(isUniqueViolation(error), String(error));
    });

    it('reads timestamps back as the same instant', async () => {
      const at = '2026-03-29T01:30:00.123Z';
      await handle.db.insertInto('tenants').values({ id: 't2', slug: 't2', name: 'T2', time_zone: 'Europe/Rome', created_at: at }).execute();
      const row = await handle.db.selectFrom('tenants').select('created_at').where('id', '=', 't2').executeTakeFirstOrThrow();
      assert.equal(new Date(row.created_at).toISOString(), at);
    });
  });
}

for (const kind of await databaseKinds()) {
  describe(`upgrading a ${kind} database`, () => {
    it('0005 frees appointments.mediator_id and keeps every appointment, what refers to it, and the indexes', async () => {
      const testDb = await createDatabase(kind);
      const handle = openDatabase(testDb.url);
      try {
        const db = handle.db;
        await migrateTo(db, '0004_booking_keys');
        await seedDemo(db, []);
        const tenant = await db.selectFrom('tenants').select('id').executeTakeFirstOrThrow();
        const org = await db.selectFrom('organisations').select('id').where('tenant_id', '=', tenant.id).executeTakeFirstOrThrow();
        const mediator = await db.selectFrom('mediators').select(['id', 'user_id']).where('tenant_id', '=', tenant.id).executeTakeFirstOrThrow();
        const at = '2026-11-20T09:00:00.000Z';
        const appointment = {
          id: 'appt-before-0005', tenant_id: tenant.id, mediator_id: mediator.id, organisation_id: org.id, submission_id: null, series_id: null,
          action: '1' as const, school_year: '2026/27', starts_at: at, ends_at: '2026-11-20T10:00:00.000Z', buffer_until: '2026-11-20T10:00:00.000Z',
          mode: 'video' as const, place: '', place_key: '', case_code: 'MZ-1', status: 'held' as const, sequence: 1, billed_minutes: 60,
          cancelled_at: null, cancellation: null, created_at: at, updated_at: at, idempotency_key: 'k-1', request_hash: 'h-1',
        };
        await db.insertInto('appointments').values(appointment).execute();
        await db.insertInto('reports').values({
          id: 'report-before-0005', tenant_id: tenant.id, appointment_id: appointment.id, submission_id: null, organisation_id: org.id, mediator_id: mediator.id,
          form_id: 'school-report', form_version: 1, data: JSON.stringify({}), outcome: 'held', delivered_minutes: 60, counted_minutes: 60, status: 'filed',
          revision: 1, filed_by_user_id: mediator.user_id!, filed_at: at, updated_at: at, countersigned_at: null, countersigned_by_user_id: null,
        }).execute();
        const indexesOfAppointments = async () =>
          (kind === 'postgres'
            ? await sql<{ name: string }>`select indexname as name from pg_indexes where tablename = 'appointments' order by 1`.execute(db)
            : await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'appointments' order by 1`.execute(db)
          ).rows.map((r) => r.name);
        const indexesBefore = await indexesOfAppointments();
        assert.ok(indexesBefore.includes('appointments_mediator_start'));

        // 0005 itself: later migrations may add indexes of their own (0013).
        await migrateTo(db, '0005_consultations_without_mediator');

        const kept = await db.selectFrom('appointments').selectAll().where('id', '=', appointment.id).executeTakeFirstOrThrow();
        assert.equal(kept.mediator_id, mediator.id);
        assert.equal(kept.idempotency_key, 'k-1');
        assert.equal(new Date(kept.starts_at).toISOString(), at);
        assert.equal((await db.selectFrom('reports').select('appointment_id').executeTakeFirstOrThrow()).appointment_id, appointment.id);
        assert.deepEqual(await indexesOfAppointments(), indexesBefore);
        // A consultation without a mediator can be stored now; the idempotency key stays unique.
        await db.insertInto('appointments').values({ ...appointment, id: 'appt-alone', mediator_id: null, idempotency_key: 'k-2' }).execute();
        const dup = await db.insertInto('appointments').values({ ...appointment, id: 'appt-dup', mediator_id: null }).execute().then(() => null, (e: unknown) => e);
        assert.ok(isUniqueViolation(dup), 'appointments_idempotency_unique survived the rebuild');
        // Foreign keys still hold: a report of an appointment that does not exist is refused.
        const orphan = await db
          .insertInto('reports')
          .values({ id: 'orphan', tenant_id: tenant.id, appointment_id: 'nowhere', submission_id: null, organisation_id: org.id, mediator_id: mediator.id, form_id: 'school-report', form_version: 1, data: '{}', outcome: 'held', delivered_minutes: 0, counted_minutes: 0, status: 'filed', revision: 1, filed_by_user_id: mediator.user_id!, filed_at: at, updated_at: at, countersigned_at: null, countersigned_by_user_id: null })
          .execute()
          .then(() => null, (e: unknown) => e);
        assert.ok(orphan instanceof Error, 'foreign keys are enforced after the rebuild');
      } finally {
        await handle.close();
        await testDb.drop();
      }
    });
  });
}
