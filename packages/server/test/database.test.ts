import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDatabase, migrateToLatest, type DatabaseHandle } from '@ponte/server';
import { nextProtocolSeq } from '../src/submissions/submission.repository.js';
import { isUniqueViolation } from '../src/db/errors.js';
import { createDatabase, databaseKinds, type TestDatabase } from './helpers/databases.js';

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
