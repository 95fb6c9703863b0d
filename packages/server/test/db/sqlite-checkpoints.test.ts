import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.js';
import { createSqliteDatabase, type TestDatabase } from '../helpers/databases.js';

/*
 * On SQLite the WAL is copied into the database file by a thread of its own
 * (db/sqlite-checkpoints.ts), never by a commit of the connection requests
 * run on.
 */

describe('SQLite checkpoints beside the connection', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;

  before(() => {
    database = createSqliteDatabase();
    handle = openDatabase(database.url);
  });
  after(async () => {
    await handle.close();
    await database.drop();
  });

  it('leaves its connection no checkpoint to make', async () => {
    const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(handle.db);
    assert.equal(rows[0]!.wal_autocheckpoint, 0);
  });

  it('copies what is committed into the database file within a moment, the connection making no checkpoint', async () => {
    await sql`create table scratch (v text not null)`.execute(handle.db);
    const before = statSync(database.url).size;
    // Half a megabyte: far below the thousand pages after which a connection would checkpoint by itself.
    await handle.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 500; i++) await sql`insert into scratch (v) values (${'x'.repeat(1000)})`.execute(trx);
    });
    const until = Date.now() + 3000;
    while (statSync(database.url).size < before + 400_000 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 25));
    assert.ok(statSync(database.url).size >= before + 400_000, `the file grew from ${before} to ${statSync(database.url).size} bytes`);
  });
});
