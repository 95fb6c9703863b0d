import { PostgresAdapter, sql, type Kysely } from 'kysely';

// NOTE: frozen once released, like the migrations before it: Kysely<any>, nothing of the app imported.
//
// A publishable key's read (its origins, organisation, tenant and the
// tenant's settings) is kept in memory between calls
// (docs/architecture.md#publishable-keys), for as long as none of what it
// read has changed since. Every write of those tables, by anyone (this
// process, another server, a command, someone at a SQL prompt), counts one
// change in `credential_changes`, in the write's own transaction; on
// PostgreSQL it also tells every listening server at commit (NOTIFY), so
// that none has to ask.

/** The tables a key's read reads. */
const WATCHED = ['tenants', 'tenant_settings', 'organisations', 'publishable_keys', 'publishable_key_origins'];
const CHANNEL = 'ponte_credentials';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('credential_changes')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('credential_changes').values({ id: 1, count: 0 }).execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`
      create function credential_changed() returns trigger language plpgsql as $$
      begin
        update credential_changes set count = count + 1 where id = 1;
        perform pg_notify(${sql.lit(CHANNEL)}, '');
        return null;
      end $$
    `.execute(db);
    for (const table of WATCHED) {
      await sql`
        create trigger ${sql.id(`${table}_credential_changed`)}
        after insert or update or delete or truncate on ${sql.table(table)}
        for each statement execute function credential_changed()
      `.execute(db);
    }
    return;
  }
  // SQLite has row triggers only, one per event.
  for (const table of WATCHED) {
    for (const event of ['insert', 'update', 'delete']) {
      await sql`
        create trigger ${sql.id(`${table}_${event}_credential_changed`)}
        after ${sql.raw(event)} on ${sql.table(table)}
        begin update credential_changes set count = count + 1 where id = 1; end
      `.execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const table of WATCHED) {
    if (pg) await sql`drop trigger ${sql.id(`${table}_credential_changed`)} on ${sql.table(table)}`.execute(db);
    else for (const event of ['insert', 'update', 'delete']) await sql`drop trigger ${sql.id(`${table}_${event}_credential_changed`)}`.execute(db);
  }
  if (pg) await sql`drop function credential_changed()`.execute(db);
  await db.schema.dropTable('credential_changes').execute();
}
