import { PostgresAdapter, sql, type Kysely } from 'kysely';

// NOTE: frozen once released, like 0001 and 0002: Kysely<any>, nothing of the app imported.
//
// The lifecycle of a request (A.1, A.3, A.5) and the reports (A.2, A.4)
// bound to appointments.
//
// submissions gains what the coordinator decides and what the queue filters
// on without reading content:
//   - authorised_minutes: the hours the reviewer authorised, in minutes;
//   - queue_language, queue_urgency: the language code and urgency of an
//     A.1 or A.3, copied out of its data when it is sent. Never filled for a
//     special-category form (A.5): its content stays out of every list.
// request_status_changes keeps every change of status (the history a
// request's detail and its tracking show), with who made it and any reason.
// reports: one per appointment, the form data of A.2/A.4 and the minutes
// it delivered and counts, until and after the requester countersigns.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? 'timestamptz' : 'text';
  const json = pg ? 'jsonb' : 'text';

  await db.schema.alterTable('submissions').addColumn('authorised_minutes', 'integer').execute();
  await db.schema.alterTable('submissions').addColumn('queue_language', 'text').execute();
  await db.schema.alterTable('submissions').addColumn('queue_urgency', 'text').execute();

  // Requests sent before this migration: the same two values, read from their data.
  if (pg) {
    await sql`update submissions
      set queue_language = data->'language'->>'code',
          queue_urgency = coalesce(data->>'urgency', 'ordinaria')
      where form_id in ('school-request', 'service-request')`.execute(db);
  } else {
    await sql`update submissions
      set queue_language = json_extract(data, '$.language.code'),
          queue_urgency = coalesce(json_extract(data, '$.urgency'), 'ordinaria')
      where form_id in ('school-request', 'service-request')`.execute(db);
  }
  await db.schema
    .createIndex('submissions_queue')
    .on('submissions')
    .columns(['tenant_id', 'status', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('request_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id'))
    // 1, 2, 3… per request: the order of changes made in one instant (a chain
    // of moves), and a second writer of the same change is refused.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull().check(sql`actor_kind in ('user', 'key', 'system')`))
    .addColumn('actor_id', 'text')
    // A rejection's or a cancellation's reason: what the requester reads when tracking.
    .addColumn('reason', 'text')
    .addUniqueConstraint('request_status_changes_seq', ['submission_id', 'seq'])
    .execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    // One report per appointment.
    .addColumn('appointment_id', 'text', (c) => c.notNull().unique().references('appointments.id'))
    .addColumn('submission_id', 'text', (c) => c.references('submissions.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('mediator_id', 'text', (c) => c.notNull().references('mediators.id'))
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('form_version', 'integer', (c) => c.notNull())
    .addColumn('data', json, (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('held', 'not_held')`))
    // From the report's start and end times; 0 when not held.
    .addColumn('delivered_minutes', 'integer', (c) => c.notNull().check(sql`delivered_minutes >= 0`))
    // What counts under the tenant's rules (minimum billable time, notice).
    .addColumn('counted_minutes', 'integer', (c) => c.notNull().check(sql`counted_minutes >= 0`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('filed', 'countersigned')`))
    // Raised on every correction and reopening.
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('filed_by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('filed_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('countersigned_at', ts)
    .addColumn('countersigned_by_user_id', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('reports_tenant_org').on('reports').columns(['tenant_id', 'organisation_id']).execute();
  await db.schema.createIndex('reports_mediator').on('reports').columns(['mediator_id']).execute();
  await db.schema.createIndex('reports_submission').on('reports').columns(['submission_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reports').execute();
  await db.schema.dropTable('request_status_changes').execute();
  await db.schema.dropIndex('submissions_queue').execute();
  await db.schema.alterTable('submissions').dropColumn('queue_urgency').execute();
  await db.schema.alterTable('submissions').dropColumn('queue_language').execute();
  await db.schema.alterTable('submissions').dropColumn('authorised_minutes').execute();
}
