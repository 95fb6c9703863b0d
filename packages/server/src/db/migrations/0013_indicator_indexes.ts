import type { Kysely } from 'kysely';

// NOTE: frozen once released, like the migrations before it: Kysely<any>, nothing of the app imported.
//
// What the fund's indicators read by (docs/architecture.md#reach-and-satisfaction):
// a request's appointments (whether it was booked, whether held), which
// until now only a booking's budget check looked up, through its tenant.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('appointments_submission').on('appointments').columns(['submission_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('appointments_submission').execute();
}
