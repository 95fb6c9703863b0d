// npm run bench: free slots at scale, a conflict storm across processes, and
// booking throughput, on a temporary SQLite file and a temporary PostgreSQL
// database. Prints a table and writes bench/results/latest.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { KeyHolder } from '../src/auth/actor.js';
import { openDatabase, type DatabaseHandle } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { busyOf } from '../src/scheduling/appointment.repository.js';
import { exceptionsOf, rulesOf } from '../src/availability/availability.repository.js';
import { freeSlots } from '../src/scheduling/free-slots.service.js';
import { serviceCall } from '../src/service-call.js';
import { DateTime } from 'luxon';
import { startServerProcess, type ServerProcess } from '../test/helpers/server-process.js';
import { BENCH_PASSWORD, generate, ZONE, type BenchData } from './generate.js';

const PG_ADMIN_URL = process.env.PONTE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const RUNS = 60;

interface Result {
  database: string;
  appointments: number;
  mediators: number;
  freeSlotsP50Ms: number;
  freeSlotsP95Ms: number;
  bareReadP50Ms: number;
  ratioToBareRead: number;
  slotsAnswered: number;
  storm: { processes: number; requests: number; booked: number; conflicts: number; other: number; ms: number };
  throughput: { bookings: number; concurrency: number; perSecond: number; failed: number };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const round = (n: number) => Math.round(n * 100) / 100;

async function trpc(url: string, path: string, token: string | null, input: unknown): Promise<{ status: number; code?: string }> {
  const response = await fetch(`${url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { error?: { data?: { code?: string } } };
  return { status: response.status, ...(body.error?.data?.code ? { code: body.error.data.code } : {}) };
}

async function signIn(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/trpc/auth.signIn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: BENCH_PASSWORD }) });
  return ((await response.json()) as { result: { data: { token: string } } }).result.data.token;
}

async function measureFreeSlots(handle: DatabaseHandle, data: BenchData) {
  const db = handle.db;
  const who: KeyHolder = { kind: 'key', keyId: 'bench', tenantId: data.tenantId, organisationId: data.organisationId };
  const input = { language: 'ara', from: data.windowFrom, to: data.windowTo, durationMinutes: 60, mode: 'in_person' as const };
  // A fresh call each time, as each request has: the tenant is read anew.
  const call = () => serviceCall({ db, dialect: handle.dialect, locale: 'it', now: new Date(), config: { publicUrl: 'http://bench.test', sessionTtlMinutes: 60 } }, who);
  const first = DateTime.fromISO(data.windowFrom, { zone: ZONE }).minus({ days: 1 }).toUTC().toISO()!;
  const last = DateTime.fromISO(data.windowTo, { zone: ZONE }).plus({ days: 2 }).toUTC().toISO()!;
  const bare = () =>
    Promise.all([
      rulesOf(db, data.tenantId, data.mediatorIds),
      exceptionsOf(db, data.tenantId, data.mediatorIds, data.windowFrom, data.windowTo),
      busyOf(db, data.tenantId, data.mediatorIds, first, last),
    ]);
  let slots = 0;
  for (let i = 0; i < 5; i++) {
    await bare();
    const r = await freeSlots(call(), input);
    slots = r.days.reduce((n, d) => n + d.slots.length, 0);
  }
  const times: number[] = [];
  const bareTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    await bare();
    bareTimes.push(performance.now() - t);
    t = performance.now();
    await freeSlots(call(), input);
    times.push(performance.now() - t);
  }
  const p50 = percentile(times, 50);
  const bareP50 = percentile(bareTimes, 50);
  return { freeSlotsP50Ms: round(p50), freeSlotsP95Ms: round(percentile(times, 95)), bareReadP50Ms: round(bareP50), ratioToBareRead: round(p50 / bareP50), slotsAnswered: slots };
}

async function storm(urls: string[], token: string, data: BenchData) {
  const start = DateTime.fromISO(`${data.emptyMonday}T10:00`, { zone: ZONE }).toUTC().toISO()!;
  const t = performance.now();
  const answers = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      trpc(urls[i % urls.length]!, 'scheduling.book', token, { mediatorId: data.mediatorIds[0], organisationId: data.organisationId, action: '1', start, durationMinutes: 60, mode: 'in_person', place: i % 2 ? 'Scuola A' : 'Scuola B' }),
    ),
  );
  return {
    processes: urls.length,
    requests: answers.length,
    booked: answers.filter((a) => a.status === 200).length,
    conflicts: answers.filter((a) => a.code === 'CONFLICT').length,
    other: answers.filter((a) => a.status !== 200 && a.code !== 'CONFLICT').length,
    ms: Math.round(performance.now() - t),
  };
}

async function throughput(urls: string[], token: string, data: BenchData) {
  const bookings = 600;
  const concurrency = 12;
  const base = DateTime.fromISO(`${data.emptyMonday}T08:00`, { zone: ZONE }).plus({ days: 1 });
  const jobs = Array.from({ length: bookings }, (_, i) => ({
    mediatorId: data.mediatorIds[i % data.mediatorIds.length]!,
    start: base.plus({ days: Math.floor(i / data.mediatorIds.length / 8), hours: Math.floor(i / data.mediatorIds.length) % 8 }).toUTC().toISO()!,
  }));
  let next = 0;
  let failed = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const answer = await trpc(urls[worker % urls.length]!, 'scheduling.book', token, { ...job, organisationId: data.organisationId, action: '1', durationMinutes: 60, mode: 'video' });
        if (answer.status !== 200) failed++;
      }
    }),
  );
  const seconds = (performance.now() - t) / 1000;
  return { bookings, concurrency, perSecond: Math.round(bookings / seconds), failed };
}

async function benchOne(name: 'sqlite' | 'postgres'): Promise<Result> {
  let url: string;
  let cleanup: () => Promise<void>;
  if (name === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'ponte-bench-'));
    url = join(dir, 'bench.db');
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const dbName = `ponte_bench_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const u = new URL(PG_ADMIN_URL);
    u.pathname = `/${dbName}`;
    url = u.toString();
    cleanup = async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${dbName} with (force)`);
      await c.end();
    };
  }
  const handle = openDatabase(url);
  const processes: ServerProcess[] = [];
  try {
    await migrateToLatest(handle.db);
    process.stdout.write(`${name}: generating… `);
    const data = await generate(handle.db);
    process.stdout.write(`${data.appointments} appointments; measuring free slots… `);
    const slots = await measureFreeSlots(handle, data);
    process.stdout.write('starting servers… ');
    const servers = await Promise.all(Array.from({ length: name === 'postgres' ? 2 : 1 }, () => startServerProcess(url)));
    processes.push(...servers);
    const urls = servers.map((s) => s.url);
    const token = await signIn(urls[0]!, data.coordinatorEmail);
    process.stdout.write('storm… ');
    const stormResult = await storm(urls, token, data);
    process.stdout.write('throughput…\n');
    const tp = await throughput(urls, token, data);
    return { database: name, appointments: data.appointments, mediators: data.mediatorIds.length, ...slots, storm: stormResult, throughput: tp };
  } finally {
    for (const server of processes) await server.stop();
    await handle.close();
    await cleanup();
  }
}

const results: Result[] = [];
results.push(await benchOne('sqlite'));
try {
  results.push(await benchOne('postgres'));
} catch (error) {
  console.error(`PostgreSQL benchmark skipped: ${String(error)}`);
}

const rows = [
  ['', ...results.map((r) => r.database)],
  ['appointments stored / mediators', ...results.map((r) => `${r.appointments} / ${r.mediators}`)],
  ['freeSlots, 4 weeks: p50 ms', ...results.map((r) => String(r.freeSlotsP50Ms))],
  ['freeSlots, 4 weeks: p95 ms', ...results.map((r) => String(r.freeSlotsP95Ms))],
  ['bare SQL read of the same rows: p50 ms', ...results.map((r) => String(r.bareReadP50Ms))],
  ['ratio freeSlots / bare read (p50)', ...results.map((r) => `${r.ratioToBareRead}×`)],
  ['slots answered', ...results.map((r) => String(r.slotsAnswered))],
  ['conflict storm: processes', ...results.map((r) => String(r.storm.processes))],
  ['conflict storm: booked / conflicts / other of 100', ...results.map((r) => `${r.storm.booked} / ${r.storm.conflicts} / ${r.storm.other}`)],
  ['conflict storm: wall ms', ...results.map((r) => String(r.storm.ms))],
  ['throughput: bookings/s (600, 12 in flight)', ...results.map((r) => `${r.throughput.perSecond}${r.throughput.failed ? ` (${r.throughput.failed} failed)` : ''}`)],
];
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
console.log(['', line(rows[0]!), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.slice(1).map(line)].join('\n'));

const outDir = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'latest.json'), JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2));
console.log(`\nwritten to packages/server/bench/results/latest.json`);
