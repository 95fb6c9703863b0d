import { sql, type Kysely } from 'kysely';

// NOTE: frozen once released, like the migrations before it: Kysely<any>, nothing of the app imported.
//
// A calendar feed answers 304 when its version is unchanged
// (docs/architecture.md#ical-feeds-and-files). The version counted the writes
// of the owner's appointments by summing `sequence + 1` over all of them, on
// every poll: a cost that grew with the owner's history. From here each
// mediator and organisation keeps that count in a row of its own, raised by
// every write of one of its appointments in that write's transaction.
//
// The rows start from what the sum says today, so that no feed's ETag
// changes with the upgrade: for a mediator over all its appointments, for an
// organisation over those its feed shows, which leaves out the appointments
// of A.5 requests ('ethnoclinical-request', the one special-category form).
// An owner without a row has seen no write: its count is 0.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('schedule_versions')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('owner_kind', 'text', (c) => c.notNull().check(sql`owner_kind in ('mediator', 'organisation')`))
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('writes', 'integer', (c) => c.notNull().check(sql`writes > 0`))
    .addPrimaryKeyConstraint('schedule_versions_pkey', ['owner_kind', 'owner_id'])
    .execute();
  await sql`
    insert into schedule_versions (tenant_id, owner_kind, owner_id, writes)
    select a.tenant_id, 'mediator', a.mediator_id, sum(a.sequence + 1)
    from appointments a
    where a.mediator_id is not null
    group by a.tenant_id, a.mediator_id
  `.execute(db);
  await sql`
    insert into schedule_versions (tenant_id, owner_kind, owner_id, writes)
    select a.tenant_id, 'organisation', a.organisation_id, sum(a.sequence + 1)
    from appointments a
    where not exists (select 1 from submissions s where s.id = a.submission_id and s.form_id = 'ethnoclinical-request')
    group by a.tenant_id, a.organisation_id
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('schedule_versions').execute();
}
