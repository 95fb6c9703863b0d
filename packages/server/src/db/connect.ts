import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database, Db } from './database.js';
import { cachingStatements } from './statement-cache.js';
import { checkpointBeside } from './sqlite-checkpoints.js';
import { countOwnWrites, postgresCredentialChanges, sqliteCredentialChanges, type CredentialChanges } from './credential-changes.js';

export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  dialect: DialectName;
  /** Where the data lives, with any password removed, for logs. */
  description: string;
  /** Whether what a publishable key's read reads may have changed (auth/key-reads.ts). */
  credentialChanges: CredentialChanges;
  close(): Promise<void>;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * Opens the database named by `url`: a `postgres://` URL, or else a SQLite
 * file path (an optional `sqlite:` or `file:` prefix is accepted).
 */
export function openDatabase(url: string): DatabaseHandle {
  return isPostgresUrl(url) ? openPostgres(url) : openSqlite(url);
}

function openSqlite(url: string): DatabaseHandle {
  const path = url === ':memory:' ? url : resolve(url.replace(/^(sqlite|file):(\/\/)?/, ''));
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  // WAL lets readers go on while a write transaction runs; the busy timeout
  // covers a second process (a CLI) touching the same file.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const statistics = keepStatistics(sqlite);
  const checkpoints = path === ':memory:' ? undefined : checkpointBeside(sqlite, path);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    description: `SQLite ${path}`,
    credentialChanges: sqliteCredentialChanges(sqlite),
    close: async () => {
      clearInterval(statistics);
      await checkpoints?.stop();
      await db.destroy();
    },
  };
}

/**
 * The planner's statistics, as SQLite advises for long-lived connections
 * (https://sqlite.org/lang_analyze.html#periodically_run_pragma_optimize_):
 * gathered at open for every table that needs them, then refreshed every
 * hour. Without them a join over tens of thousands of
 * rows (the fund's indicators of a year) may be planned blind. PostgreSQL's
 * autovacuum does the same on its own.
 */
function keepStatistics(sqlite: SQLite.Database): NodeJS.Timeout {
  // Unsampled: a year of an Ambito's rows is analysed in some 10 ms, and sampled statistics planned its indicators half as well.
  sqlite.pragma('optimize = 0x10002');
  const hourly = setInterval(() => sqlite.pragma('optimize'), 3_600_000);
  hourly.unref();
  return hourly;
}

function openPostgres(url: string): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection that the server drops (a restart, a failover) is
  // reported here; without a listener it would end the whole process. The
  // pool replaces it on the next query.
  pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  const credentialChanges = postgresCredentialChanges(url);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [countOwnWrites(credentialChanges.wrote)] });
  const safe = new URL(url);
  safe.password = '';
  return {
    db,
    dialect: 'postgres',
    description: `PostgreSQL ${safe.toString()}`,
    credentialChanges,
    close: async () => {
      await credentialChanges.close();
      await db.destroy();
    },
  };
}
