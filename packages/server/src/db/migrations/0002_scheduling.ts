import { PostgresAdapter, sql, type Kysely } from 'kysely';

// NOTE: frozen, like 0001: Kysely<any>, nothing of the app imported.
//
// Scheduling: mediators' areas, weekly availability and dated exceptions,
// appointments and their series, hour budgets, per-tenant settings, and the
// secret iCal feeds.
//
// The invariant (docs/architecture.md#the-no-overlap-invariant) lives in two
// PostgreSQL exclusion constraints:
//   1. appointments_no_overlap: two appointments of one mediator that are not
//      cancelled never overlap, whatever their mode or place;
//   2. appointments_travel_buffer: two IN-PERSON appointments of one mediator
//      at DIFFERENT places (place_key <>) keep at least the tenant's travel
//      buffer between them. Each in-person row carries buffer_until =
//      ends_at + buffer (computed by the app when it is written), and the
//      ranges [starts_at, buffer_until) of such pairs may not meet. Two
//      in-person appointments at the same place, or an in-person one next to
//      a phone or video call, may be back to back.
// Ranges are [): an appointment ending at 10:00 and one starting at 10:00 do
// not overlap. On SQLite the same two checks run in the app inside one
// BEGIN IMMEDIATE transaction with the insert (scheduling/booking-guard.ts).

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? 'timestamptz' : 'text';
  const json = pg ? 'jsonb' : 'text';
  const now = pg ? sql`now()` : sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

  await db.schema
    .alterTable('mediators')
    .addColumn('areas', json, (c) => c.notNull().defaultTo(pg ? sql`'[]'::jsonb` : '[]'))
    .execute();

  await db.schema
    .createTable('tenant_settings')
    .addColumn('tenant_id', 'text', (c) => c.primaryKey().references('tenants.id'))
    .addColumn('travel_buffer_minutes', 'integer', (c) => c.notNull().check(sql`travel_buffer_minutes between 0 and 240`))
    .addColumn('cancellation_notice_hours', 'integer', (c) => c.notNull().check(sql`cancellation_notice_hours between 0 and 720`))
    .addColumn('minimum_billable_minutes', 'integer', (c) => c.notNull().check(sql`minimum_billable_minutes between 0 and 480`))
    .addColumn('slot_step_minutes', 'integer', (c) => c.notNull().check(sql`slot_step_minutes between 5 and 120`))
    .addColumn('updated_at', ts, (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('availability_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('mediator_id', 'text', (c) => c.notNull().references('mediators.id'))
    // ISO weekday: 1 Monday … 7 Sunday.
    .addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday between 1 and 7`))
    // Local wall-clock 'HH:MM' in the tenant's zone.
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    // Local dates 'YYYY-MM-DD', both inclusive; null: open-ended.
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addCheckConstraint('availability_rules_order', sql`start_time < end_time`)
    .execute();
  await db.schema.createIndex('availability_rules_mediator').on('availability_rules').columns(['mediator_id']).execute();

  await db.schema
    .createTable('availability_exceptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('mediator_id', 'text', (c) => c.notNull().references('mediators.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    // unavailable: leave, holiday, training; available: extra hours on that day.
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('unavailable', 'available')`))
    // Local 'HH:MM'; both null: the whole day.
    .addColumn('start_time', 'text')
    .addColumn('end_time', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('availability_exceptions_mediator_date')
    .on('availability_exceptions')
    .columns(['mediator_id', 'date'])
    .execute();

  await db.schema
    .createTable('appointment_series')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('mediator_id', 'text', (c) => c.notNull().references('mediators.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('appointments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('mediator_id', 'text', (c) => c.notNull().references('mediators.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('submission_id', 'text', (c) => c.references('submissions.id'))
    .addColumn('series_id', 'text', (c) => c.references('appointment_series.id'))
    // AZIONE 1, 2 or 4 of the plan: what the hours are counted against.
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('1', '2', '4')`))
    // 'YYYY/YY', from starts_at in the tenant's zone (1 September – 31 August).
    .addColumn('school_year', 'text', (c) => c.notNull())
    .addColumn('starts_at', ts, (c) => c.notNull())
    .addColumn('ends_at', ts, (c) => c.notNull())
    // ends_at + the travel buffer for in-person appointments, ends_at otherwise.
    .addColumn('buffer_until', ts, (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('in_person', 'phone', 'video')`))
    .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
    // The place normalised (case, spaces): what "a different place" compares.
    .addColumn('place_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('case_code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('scheduled', 'cancelled', 'held', 'not_held')`))
    // iCal SEQUENCE: raised on every change the attendee would see.
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    // What counts against the budget: duration, at least the minimum billable
    // time; 0 after a cancellation in time, the minimum after a late one.
    .addColumn('billed_minutes', 'integer', (c) => c.notNull())
    .addColumn('cancelled_at', ts)
    .addColumn('cancellation', 'text', (c) => c.check(sql`cancellation in ('in_time', 'late')`))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addCheckConstraint('appointments_order', sql`starts_at < ends_at and ends_at <= buffer_until`)
    .execute();
  // Covers the busy-interval read of a free-slot search (appointment.repository.ts busyOf): the rows of a
  // window come from the index alone, without a visit to the table per appointment.
  await db.schema
    .createIndex('appointments_mediator_start')
    .on('appointments')
    .columns(['mediator_id', 'starts_at', 'tenant_id', 'buffer_until', 'ends_at', 'mode', 'status'])
    .execute();
  await db.schema
    .createIndex('appointments_budget')
    .on('appointments')
    .columns(['organisation_id', 'action', 'school_year'])
    .execute();
  await db.schema.createIndex('appointments_tenant_start').on('appointments').columns(['tenant_id', 'starts_at']).execute();

  if (pg) {
    await sql`create extension if not exists btree_gist`.execute(db);
    await sql`alter table appointments add constraint appointments_no_overlap
      exclude using gist (mediator_id with =, tstzrange(starts_at, ends_at) with &&)
      where (status <> 'cancelled')`.execute(db);
    await sql`alter table appointments add constraint appointments_travel_buffer
      exclude using gist (mediator_id with =, place_key with <>, tstzrange(starts_at, buffer_until) with &&)
      where (status <> 'cancelled' and mode = 'in_person')`.execute(db);
  }

  await db.schema
    .createTable('hour_budgets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('1', '2', '4')`))
    .addColumn('school_year', 'text', (c) => c.notNull())
    .addColumn('minutes_granted', 'integer', (c) => c.notNull().check(sql`minutes_granted >= 0`))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('hour_budgets_unique', ['organisation_id', 'action', 'school_year'])
    .execute();

  await db.schema
    .createTable('ical_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('owner_kind', 'text', (c) => c.notNull().check(sql`owner_kind in ('mediator', 'organisation')`))
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('revoked_at', ts)
    .execute();
  await db.schema.createIndex('ical_feeds_owner').on('ical_feeds').columns(['owner_kind', 'owner_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'ical_feeds',
    'hour_budgets',
    'appointments',
    'appointment_series',
    'availability_exceptions',
    'availability_rules',
    'tenant_settings',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('mediators').dropColumn('areas').execute();
}
