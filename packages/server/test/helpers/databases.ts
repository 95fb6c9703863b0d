import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * The databases every repository and procedure suite runs on: a real SQLite
 * file always, and PostgreSQL where one is reachable. On CI (CI=true) an
 * unreachable PostgreSQL is a failure, never a skip.
 */
export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  url: string;
  drop(): Promise<void>;
}

const PG_ADMIN_URL = process.env.PONTE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let pgReachable: Promise<boolean> | undefined;

async function checkPostgres(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    if (process.env.CI === 'true') {
      throw new Error(`PostgreSQL is required on CI but unreachable at ${PG_ADMIN_URL}: ${String(error)}`);
    }
    console.warn(`# PostgreSQL unreachable at ${PG_ADMIN_URL}: its suites are skipped (${String(error)})`);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export function postgresAvailable(): Promise<boolean> {
  pgReachable ??= checkPostgres();
  return pgReachable;
}

export function createSqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'ponte-test-'));
  return {
    name: 'sqlite',
    url: join(dir, 'ponte.db'),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A fresh database of its own on the PostgreSQL server, so suites never see each other's rows. */
export async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = `ponte_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name: 'postgres',
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      try {
        // A closed pool's backends may still be on their way out: wait for
        // them rather than kill them, or their late error reaches the test.
        for (let i = 0; i < 100; i++) {
          const { rows } = await c.query<{ n: string }>('select count(*) as n from pg_stat_activity where datname = $1', [name]);
          if (rows[0]?.n === '0') break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** The kinds of database to run a suite on, here and now. */
export async function databaseKinds(): Promise<TestDatabase['name'][]> {
  return (await postgresAvailable()) ? ['sqlite', 'postgres'] : ['sqlite'];
}

export async function createDatabase(kind: TestDatabase['name']): Promise<TestDatabase> {
  return kind === 'sqlite' ? createSqliteDatabase() : createPostgresDatabase();
}
