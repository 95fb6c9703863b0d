import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/db/connect.js';
import type { Db } from '../../src/db/database.js';
import { TABLES } from './fixtures.js';

/*
 * Whether anything was written to the database between two moments, and to
 * which tables: row counts miss a row updated in place (a status moved, a
 * setting changed), so each table is digested whole, row by row.
 */

export interface WriteWatch {
  /** The tables whose rows changed since the watch began or was last asked, with their row counts then and now. */
  changes(): Promise<{ table: string; rows: [number, number] }[]>;
}

type Digests = Record<string, { rows: number; hash: string }>;

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** SQLite: the rows read here and hashed, each alone and then the sorted hashes together, since rows come in no set order. */
async function sqliteDigests(db: Db): Promise<Digests> {
  const digests: Digests = {};
  for (const table of TABLES) {
    const rows = await db.selectFrom(table).selectAll().execute();
    digests[table] = { rows: rows.length, hash: sha1(rows.map((row) => sha1(JSON.stringify(row))).sort().join('')) };
  }
  return digests;
}

/** PostgreSQL: hashed by the server, every table in one round trip. */
async function postgresDigests(db: Db): Promise<Digests> {
  const query = TABLES.map(
    (table) => `select '${table}' as t, count(*)::int as n, md5(coalesce(string_agg(md5(x::text), '' order by md5(x::text)), '')) as h from ${table} x`,
  ).join(' union all ');
  const { rows } = await sql<{ t: string; n: number; h: string }>`${sql.raw(query)}`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.t, { rows: r.n, hash: r.h }]));
}

/** SQLite's data_version moves whenever another connection (the server's process) commits a write: a cheap first look. */
async function dataVersion(db: Db): Promise<number> {
  const { rows } = await sql<{ data_version: number }>`pragma data_version`.execute(db);
  return rows[0]!.data_version;
}

/**
 * Watches a database another process writes to. On SQLite the connection must
 * be one that process does not use, or data_version would not move.
 */
export async function watchWrites(handle: Pick<DatabaseHandle, 'db' | 'dialect'>): Promise<WriteWatch> {
  const digestsOf = handle.dialect === 'postgres' ? postgresDigests : sqliteDigests;
  let version = handle.dialect === 'sqlite' ? await dataVersion(handle.db) : 0;
  let last = await digestsOf(handle.db);
  return {
    async changes() {
      if (handle.dialect === 'sqlite') {
        const now = await dataVersion(handle.db);
        if (now === version) return [];
        version = now;
      }
      const current = await digestsOf(handle.db);
      const changed = TABLES.filter((t) => last[t]!.hash !== current[t]!.hash).map((table) => ({ table, rows: [last[table]!.rows, current[table]!.rows] as [number, number] }));
      last = current;
      return changed;
    },
  };
}
