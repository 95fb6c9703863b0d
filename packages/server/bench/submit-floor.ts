// The floor the submit benchmark holds Ponte to: Fastify and one INSERT of the
// JSON body, nothing else (no key, no validation, no numbering, no audit).
// Run as a process of its own, like Ponte's server beside it, on a database
// of the same kind opened with the same settings (src/db/connect.ts).
// Reads DATABASE_URL and PORT; answers POST /submit and prints "floor listening"
// once it listens (what floor-process.ts waits for).
import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';
import { isPostgresUrl } from '../src/db/connect.js';
import { checkpointBeside } from '../src/db/sqlite-checkpoints.js';

type Insert = (id: string, body: string, at: string) => Promise<void> | void;

async function postgresInsert(url: string): Promise<Insert> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query('create table if not exists floor_submissions (id text primary key, data jsonb not null, created_at timestamptz not null)');
  return async (id, body, at) => {
    await pool.query('insert into floor_submissions (id, data, created_at) values ($1, $2, $3)', [id, body, at]);
  };
}

function sqliteInsert(path: string): Insert {
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  checkpointBeside(sqlite, path);
  sqlite.exec('create table if not exists floor_submissions (id text primary key, data text not null, created_at text not null)');
  const statement = sqlite.prepare('insert into floor_submissions (id, data, created_at) values (?, ?, ?)');
  return (id, body, at) => {
    statement.run(id, body, at);
  };
}

const url = process.env.DATABASE_URL;
if (!url) throw new Error('submit-floor: DATABASE_URL is required');
const insert = isPostgresUrl(url) ? await postgresInsert(url) : sqliteInsert(url);

const app = Fastify({ logger: false, bodyLimit: 512 * 1024 });
app.post('/submit', async (request) => {
  await insert(randomUUID(), JSON.stringify(request.body), new Date().toISOString());
  return { ok: true };
});
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
console.log('floor listening');
