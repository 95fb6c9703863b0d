import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openDatabase, migrateToLatest, seedDemo } from '@ponte/server';
import * as m0011 from '../../src/db/migrations/0011_quarterly_narratives.js';
import { isUniqueViolation } from '../../src/db/errors.js';
import { createDatabase, databaseKinds } from '../helpers/databases.js';

/*
 * 0011 adds the quarterly narratives: one per tenant, year and quarter, a
 * quarter 1 to 4, and a `down` that takes the table away again on either
 * database (an operator rolling a release back), holding rows or not.
 */

for (const kind of await databaseKinds()) {
  describe(`migration 0011 on ${kind}`, () => {
    it('holds one narrative per tenant and quarter, and goes down and up again', async () => {
      const testDb = await createDatabase(kind);
      const handle = openDatabase(testDb.url);
      try {
        const db = handle.db;
        await migrateToLatest(db);
        await seedDemo(db, []);
        const tenant = await db.selectFrom('tenants').select('id').executeTakeFirstOrThrow();
        const user = await db.selectFrom('users').select('id').where('tenant_id', '=', tenant.id).executeTakeFirstOrThrow();
        const at = '2031-04-02T08:00:00.000Z';
        const row = (id: string, quarter: number) => ({
          id, tenant_id: tenant.id, year: 2031, quarter, activities: 'Attività', strengths: '', deviations: '', problems: '', networks: '',
          revision: 1, created_at: at, updated_at: at, updated_by_user_id: user.id,
        });
        await db.insertInto('quarterly_narratives').values(row('n-1', 1)).execute();
        const twice = await db.insertInto('quarterly_narratives').values(row('n-2', 1)).execute().then(() => null, (e: unknown) => e);
        assert.ok(isUniqueViolation(twice), String(twice));
        const fifth = await db.insertInto('quarterly_narratives').values(row('n-5', 5)).execute().then(() => null, (e: unknown) => e);
        assert.ok(fifth instanceof Error, 'a fifth quarter is refused');

        await m0011.down(db);
        assert.ok(!(await db.introspection.getTables()).some((t) => t.name === 'quarterly_narratives'));
        await m0011.up(db);
        assert.deepEqual(await db.selectFrom('quarterly_narratives').selectAll().execute(), []);
        await db.insertInto('quarterly_narratives').values(row('n-1', 1)).execute();
        await m0011.down(db);
        await m0011.up(db);
      } finally {
        await handle.close();
        await testDb.drop();
      }
    });
  });
}
