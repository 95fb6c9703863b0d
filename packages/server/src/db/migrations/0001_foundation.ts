import { PostgresAdapter, sql, type Kysely } from 'kysely';

// NOTE: frozen. Migrations take Kysely<any> and import nothing of the app
// (Kysely docs, "Migrations"), so that they mean the same thing forever.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  // Instants: timestamptz on PostgreSQL, ISO-8601 UTC text on SQLite (which
  // sorts and compares correctly as text).
  const ts = pg ? 'timestamptz' : 'text';
  const json = pg ? 'jsonb' : 'text';
  const now = pg ? sql`now()` : sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

  await db.schema
    .createTable('tenants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('school', 'service')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mechanographic_code', 'text')
    .addColumn('service_type', 'text')
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('organisations_tenant').on('organisations').column('tenant_id').execute();

  await db.schema
    .createTable('organisation_sites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mechanographic_code', 'text')
    .execute();
  await db.schema.createIndex('organisation_sites_org').on('organisation_sites').column('organisation_id').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('admin', 'coordinator', 'mediator', 'requester', 'clinician')`),
    )
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('revoked_at', ts)
    .execute();

  await db.schema
    .createTable('publishable_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('revoked_at', ts)
    .execute();

  await db.schema
    .createTable('publishable_key_origins')
    .addColumn('key_id', 'text', (c) => c.notNull().references('publishable_keys.id'))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('publishable_key_origins_pk', ['key_id', 'origin'])
    .execute();
  await db.schema.createIndex('publishable_key_origins_origin').on('publishable_key_origins').column('origin').execute();

  await db.schema
    .createTable('mediators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('gender', 'text')
    .addColumn('disabled_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('mediator_languages')
    .addColumn('mediator_id', 'text', (c) => c.notNull().references('mediators.id'))
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('language_code', 'text', (c) => c.notNull())
    .addColumn('variety', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('level', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mediator_languages_pk', ['mediator_id', 'language_code', 'variety'])
    .execute();
  await db.schema
    .createIndex('mediator_languages_lookup')
    .on('mediator_languages')
    .columns(['tenant_id', 'language_code'])
    .execute();

  await db.schema
    .createTable('submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('form_version', 'integer', (c) => c.notNull())
    .addColumn('protocol', 'text', (c) => c.notNull())
    .addColumn('protocol_year', 'integer', (c) => c.notNull())
    .addColumn('protocol_seq', 'integer', (c) => c.notNull())
    .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('data', json, (c) => c.notNull())
    .addColumn('submitted_via', 'text', (c) => c.notNull().check(sql`submitted_via in ('key', 'staff')`))
    .addColumn('submitted_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('publishable_key_id', 'text', (c) => c.references('publishable_keys.id'))
    .addColumn('idempotency_key', 'text')
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('submissions_protocol_unique', ['tenant_id', 'protocol_year', 'protocol_seq'])
    .addUniqueConstraint('submissions_idempotency_unique', ['organisation_id', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('submissions_tenant_created')
    .on('submissions')
    .columns(['tenant_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('protocol_counters')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('protocol_counters_pk', ['tenant_id', 'year'])
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.references('tenants.id'))
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('details', json, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_events_tenant_at').on('audit_events').columns(['tenant_id', 'at']).execute();
  await db.schema
    .createIndex('audit_events_subject')
    .on('audit_events')
    .columns(['subject_type', 'subject_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_events',
    'protocol_counters',
    'submissions',
    'mediator_languages',
    'mediators',
    'publishable_key_origins',
    'publishable_keys',
    'sessions',
    'users',
    'organisation_sites',
    'organisations',
    'tenants',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
