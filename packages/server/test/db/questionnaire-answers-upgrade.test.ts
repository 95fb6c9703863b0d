import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openDatabase, migrateTo, migrateToLatest, seedDemo } from '@ponte/server';
import { createDatabase, databaseKinds } from '../helpers/databases.js';

/*
 * 0009 makes the questionnaire one answer per school and school year. Answers
 * stored before it may hold two of a year: the newer becomes the year's
 * answer, the older keeps its row and number without a period, and no other
 * form gets one.
 */

for (const kind of await databaseKinds()) {
  describe(`upgrading a ${kind} database to 0009`, () => {
    it('makes the newest answer of each school and year that year’s answer, and nothing else', async () => {
      const testDb = await createDatabase(kind);
      const handle = openDatabase(testDb.url);
      try {
        const db = handle.db;
        await migrateTo(db, '0008_credential_changes');
        await seedDemo(db, []);
        const tenant = await db.selectFrom('tenants').select('id').executeTakeFirstOrThrow();
        const [school, other] = (await db.selectFrom('organisations').select('id').where('tenant_id', '=', tenant.id).where('kind', '=', 'school').orderBy('id').execute()).map((o) => o.id);
        let seq = 0;
        const row = (id: string, organisationId: string, formId: string, schoolYear: string, createdAt: string) => ({
          id, tenant_id: tenant.id, organisation_id: organisationId, form_id: formId, form_version: 1, protocol: `2026/${String(++seq).padStart(6, '0')}`, protocol_year: 2026,
          protocol_seq: seq, tracking_code: `BEFORE-0009-${seq}`, status: 'received', data: JSON.stringify({ schoolYear }), submitted_via: 'key' as const, submitted_by_user_id: null,
          publishable_key_id: null, idempotency_key: null, request_hash: `h${seq}`, created_at: createdAt, updated_at: createdAt,
        });
        await db.insertInto('submissions').values([
          row('q-older', school!, 'school-questionnaire', '2025/26', '2026-01-10T09:00:00.000Z'),
          row('q-newer', school!, 'school-questionnaire', '2025/26', '2026-02-10T09:00:00.000Z'),
          row('q-other-year', school!, 'school-questionnaire', '2024/25', '2026-01-10T09:00:00.000Z'),
          row('q-other-school', other!, 'school-questionnaire', '2025/26', '2026-01-10T09:00:00.000Z'),
          row('a1', school!, 'school-request', '2025/26', '2026-03-10T09:00:00.000Z'),
        ]).execute();

        await migrateToLatest(db);
        const periods = Object.fromEntries((await db.selectFrom('submissions').select(['id', 'answers_for']).where('id', 'like', 'q-%').execute()).map((r) => [r.id, r.answers_for]));
        assert.deepEqual(periods, { 'q-older': null, 'q-newer': '2025/26', 'q-other-year': '2024/25', 'q-other-school': '2025/26' });
        const request = await db.selectFrom('submissions').select('answers_for').where('id', '=', 'a1').executeTakeFirstOrThrow();
        assert.equal(request.answers_for, null);
      } finally {
        await handle.close();
        await testDb.drop();
      }
    });
  });
}
