import type { Kysely } from 'kysely';

// NOTE: frozen once released, like the migrations before it: Kysely<any>, nothing of the app imported.
//
// scheduling.book takes an idempotency key, as submissions.submit does: a
// booking page whose answer was lost (a dropped connection) sends the same
// booking again and gets the same appointments back, never a second booking
// with another mediator. The key and a fingerprint of the request sit on
// the booking's first appointment, written in the booking's transaction;
// the unique index makes two racing retries store one booking.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('appointments').addColumn('idempotency_key', 'text').execute();
  await db.schema.alterTable('appointments').addColumn('request_hash', 'text').execute();
  await db.schema
    .createIndex('appointments_idempotency_unique')
    .on('appointments')
    .columns(['organisation_id', 'idempotency_key'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('appointments_idempotency_unique').execute();
  await db.schema.alterTable('appointments').dropColumn('request_hash').execute();
  await db.schema.alterTable('appointments').dropColumn('idempotency_key').execute();
}
