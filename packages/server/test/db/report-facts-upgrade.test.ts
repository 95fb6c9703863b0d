import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openDatabase, migrateTo, migrateToLatest, seedDemo } from '@ponte/server';
import { sql } from 'kysely';
import { createDatabase, databaseKinds } from '../helpers/databases.js';

/*
 * 0012 keeps who was present at each held session and its rating on the
 * report, read from version 1's fields.
 *
 * 0010 keeps the people each held session reached beside its report. Reports
 * stored before it are all of version 1: each row becomes a person of its
 * own; Italian or EU is 'eu', 'XX' (stateless or unknown) 'unknown', any
 * other country a third country; a session not held, and a row of a shape
 * version 1 never sent, add nobody or nothing they did not say.
 */

for (const kind of await databaseKinds()) {
  describe(`upgrading a ${kind} database to 0010 and 0012`, () => {
    it('reads the beneficiaries, who was present and the ratings of the reports already filed with version 1’s rules, and rolls back', async () => {
      const testDb = await createDatabase(kind);
      const handle = openDatabase(testDb.url);
      try {
        const db = handle.db;
        await migrateTo(db, '0009_questionnaire_answers');
        await seedDemo(db, []);
        const school = await db.selectFrom('organisations').select(['id', 'tenant_id']).where('kind', '=', 'school').orderBy('id').executeTakeFirstOrThrow();
        const mediator = await db.selectFrom('mediators').select('id').where('tenant_id', '=', school.tenant_id).orderBy('id').executeTakeFirstOrThrow();
        const user = await db.selectFrom('users').select('id').where('tenant_id', '=', school.tenant_id).orderBy('id').executeTakeFirstOrThrow();
        const at = '2026-10-05T08:00:00.000Z';
        const appointment = (id: string, startsAt: string) => ({
          id, tenant_id: school.tenant_id, mediator_id: mediator.id, organisation_id: school.id, submission_id: null, series_id: null, action: '1' as const, school_year: '2026/27',
          starts_at: startsAt, ends_at: new Date(Date.parse(startsAt) + 3_600_000).toISOString(), buffer_until: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
          mode: 'video' as const, place: '', place_key: '', case_code: '', status: 'held' as const, sequence: 0, billed_minutes: 60, cancelled_at: null, cancellation: null,
          created_at: at, updated_at: at, idempotency_key: null, request_hash: null,
        });
        await db.insertInto('appointments').values([appointment('up-a1', '2026-10-06T08:00:00.000Z'), appointment('up-a2', '2026-10-07T08:00:00.000Z')]).execute();
        const report = (id: string, appointmentId: string, outcome: 'held' | 'not_held', beneficiaries: unknown, present: Record<string, unknown> = {}) => ({
          id, tenant_id: school.tenant_id, appointment_id: appointmentId, submission_id: null, organisation_id: school.id, mediator_id: mediator.id,
          form_id: 'school-report', form_version: 1, data: JSON.stringify({ beneficiaries, ...present }), outcome, delivered_minutes: 60, counted_minutes: 60, status: 'filed' as const,
          revision: 1, filed_by_user_id: user.id, filed_at: at, updated_at: at, countersigned_at: null, countersigned_by_user_id: null,
        });
        await db.insertInto('reports').values([
          report('up-r1', 'up-a1', 'held', [
            { sex: 'maschio', ageBand: '6-10', citizenship: 'MA' },
            { sex: 'femmina', ageBand: '18+', citizenship: 'IT' },
            { sex: 'altro', ageBand: '14-17', citizenship: 'XX' },
            { sex: 'constructor', ageBand: '18+', citizenship: 'CH' },
            'not a row',
          ], { participantsPupils: 1, participantsParents: 2, participantsTeachers: 1, participantsOthers: 3, referentRating: 4 }),
          report('up-r2', 'up-a2', 'not_held', [{ sex: 'maschio', ageBand: '6-10', citizenship: 'MA' }], { participantsParents: 9, referentRating: 9 }),
        ]).execute();

        await migrateToLatest(db);
        const rows = await db.selectFrom('report_beneficiaries').select(['report_id', 'position', 'person_key', 'sex', 'age_band', 'citizenship', 'citizenships', 'fami_status']).orderBy('report_id').orderBy('position').execute();
        const person = (position: number) => `${school.id}/row:up-r1:${position}`;
        assert.deepEqual(rows, [
          { report_id: 'up-r1', position: 0, person_key: person(0), sex: 'M', age_band: '6-10', citizenship: 'MA', citizenships: 'MA', fami_status: 'third_country' },
          { report_id: 'up-r1', position: 1, person_key: person(1), sex: 'F', age_band: '18+', citizenship: 'IT', citizenships: 'IT', fami_status: 'eu' },
          { report_id: 'up-r1', position: 2, person_key: person(2), sex: 'X', age_band: '14-17', citizenship: null, citizenships: '', fami_status: 'unknown' },
          { report_id: 'up-r1', position: 3, person_key: person(3), sex: null, age_band: '18+', citizenship: 'CH', citizenships: 'CH', fami_status: 'third_country' },
        ]);

        // 0012: who was present and the rating, as numbers on the report; a session not held, nobody.
        const present = await db.selectFrom('reports').select(['id', 'family_present', 'teachers_present', 'operators_present', 'rating']).where('id', 'like', 'up-%').orderBy('id').execute();
        assert.deepEqual(present, [
          { id: 'up-r1', family_present: 3, teachers_present: 1, operators_present: 3, rating: 4 },
          { id: 'up-r2', family_present: 0, teachers_present: 0, operators_present: 0, rating: null },
        ]);

        await migrateTo(db, '0009_questionnaire_answers');
        await assert.rejects(sql`select count(*) from report_beneficiaries`.execute(db));
        await assert.rejects(sql`select family_present from reports`.execute(db));
      } finally {
        await handle.close();
        await testDb.drop();
      }
    });
  });
}
