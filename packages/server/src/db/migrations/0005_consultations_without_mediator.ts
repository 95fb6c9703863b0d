import { PostgresAdapter, sql, type Kysely } from 'kysely';

// NOTE: frozen once released, like the migrations before it: Kysely<any>, nothing of the app imported.
//
// Clinicians may hold an ethnoclinical consultation (A.5) without a mediator
// (docs/architecture.md#booking): such an appointment has no mediator_id. The exclusion
// constraints of 0002 compare mediator_id with `=`, which is never true for
// NULL, so a consultation without a mediator clashes with nothing.
//
// SQLite cannot drop a NOT NULL in place: the table is rebuilt as its
// documented procedure says (https://sqlite.org/lang_altertable.html#otheralter),
// with foreign keys off meanwhile (SQLite migrations run outside a
// transaction; see kysely's supportsTransactionalDdl) and checked after.

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table appointments alter column mediator_id drop not null`.execute(db);
    return;
  }
  await rebuildAppointments(db, (create) => create.replace(/"mediator_id" text not null/, '"mediator_id" text'));
}

export async function down(db: Kysely<any>): Promise<void> {
  // Refuses, as it should, while a consultation without a mediator exists.
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table appointments alter column mediator_id set not null`.execute(db);
    return;
  }
  await rebuildAppointments(db, (create) => create.replace(/"mediator_id" text(?! not null)/, '"mediator_id" text not null'));
}

async function rebuildAppointments(db: Kysely<any>, change: (createSql: string) => string): Promise<void> {
  const schema = await sql<{ type: string; sql: string }>`select type, sql from sqlite_master where tbl_name = 'appointments' and sql is not null`.execute(db);
  const table = schema.rows.find((r) => r.type === 'table')!.sql;
  const changed = change(table);
  if (changed === table) throw new Error('0005: the appointments table is not as 0002 created it');
  const indexes = schema.rows.filter((r) => r.type === 'index').map((r) => r.sql);

  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await sql.raw(changed.replace(/^create table "appointments"/i, 'create table "appointments_rebuilt"')).execute(trx);
      await sql`insert into appointments_rebuilt select * from appointments`.execute(trx);
      await sql`drop table appointments`.execute(trx);
      await sql`alter table appointments_rebuilt rename to appointments`.execute(trx);
      for (const index of indexes) await sql.raw(index).execute(trx);
      const broken = await sql`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) throw new Error(`0005: foreign keys broken by the rebuild: ${JSON.stringify(broken.rows)}`);
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
