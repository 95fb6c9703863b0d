import { PostgresAdapter, type Kysely } from 'kysely';

// NOTE: frozen once released, like the migrations before it: Kysely<any>, nothing of the app imported.
//
// Every state change writes one domain event in its own transaction
// (docs/architecture.md#domain-events): a change rolled back leaves none, and
// what hangs off changes later (notifications) reads them from here.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('domain_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('occurred_at', pg ? 'timestamptz' : 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('payload', pg ? 'jsonb' : 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('domain_events_tenant_occurred').on('domain_events').columns(['tenant_id', 'occurred_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('domain_events').execute();
}
