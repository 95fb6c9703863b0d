import { sql } from 'kysely';
import type { DialectName } from './connect.js';
import type { Db, DbOrTx } from './database.js';

/**
 * Runs `work` in a transaction that takes the write lock at its start.
 *
 * On SQLite a plain BEGIN is deferred: two connections (two processes on one
 * file) could both read "no overlap" and then both write. BEGIN IMMEDIATE
 * takes the RESERVED lock first, so a check-then-insert cannot interleave with
 * another writer; the other waits up to busy_timeout (connect.ts).
 * NOTE: Kysely's SqliteDriver holds one connection behind a mutex, and
 * `db.connection()` keeps that mutex for the whole callback, so within one
 * process nothing else runs on the connection between BEGIN and COMMIT.
 *
 * On PostgreSQL this is an ordinary READ COMMITTED transaction: the
 * exclusion constraints hold the invariant across processes, and budget rows
 * are locked with FOR UPDATE where a check depends on them.
 */
export async function writeTransaction<T>(db: Db, dialect: DialectName, work: (trx: DbOrTx) => Promise<T>): Promise<T> {
  if (dialect === 'postgres') return db.transaction().execute(work);
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => {});
      throw error;
    }
  });
}
