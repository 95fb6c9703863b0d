// npm run bench: every path the fast-paths work is held to, each beside its
// floor or peer measured in the same run (interleaved, medians and ratios):
// free slots at scale, a conflict storm across processes and booking
// throughput, submit against a one-INSERT floor, calendar feeds against
// ical-generator and the 404 floor, the fund's indicators for an Ambito-year,
// on a temporary SQLite file and a
// temporary PostgreSQL database; then the A.1 widget page's first load in
// Chromium beside SurveyJS and Form.io. Prints the table and writes
// bench/results/latest.json and latest.md (RESULTS.md quotes a run).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import pg from 'pg';
import { openDatabase } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { startServerProcess, type ServerProcess } from '../test/helpers/server-process.js';
import type { BenchRow } from './bench-row.js';
import { benchFeeds } from './feeds.bench.js';
import { benchFirstLoad } from './first-load.bench.js';
import { benchFreeSlots } from './free-slots.bench.js';
import { benchIndicators } from './indicators.bench.js';
import { BENCH_PASSWORD, generate, ZONE, type BenchData } from './generate.js';
import { benchSubmit } from './submit.bench.js';

const PG_ADMIN_URL = process.env.PONTE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
type Kind = 'sqlite' | 'postgres';

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

/** A fresh database of the kind, and how to drop it. */
async function freshDatabase(kind: Kind): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'ponte-bench-'));
    return { url: join(dir, 'bench.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `ponte_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Free slots, the conflict storm and booking throughput on 30,000 generated appointments. */
async function benchScheduling(kind: Kind): Promise<BenchRow[]> {
  const database = await freshDatabase(kind);
  const handle = openDatabase(database.url);
  const processes: ServerProcess[] = [];
  try {
    await migrateToLatest(handle.db);
    const data = await generate(handle.db);
    const rows = await benchFreeSlots(handle, data);
    // Two processes on PostgreSQL, as an Ambito that outgrows one machine runs; one on SQLite.
    processes.push(...(await Promise.all(Array.from({ length: kind === 'postgres' ? 2 : 1 }, () => startServerProcess(database.url)))));
    const urls = processes.map((s) => s.url);
    const token = await signIn(urls[0]!, data.coordinatorEmail);
    const s = await storm(urls, token, data);
    const t = await throughput(urls, token, data);
    rows.push(
      { path: `conflict storm: 100 bookings of one slot, ${s.processes} process(es)`, where: kind, measure: 'booked', ponte: s.booked, goal: 'exactly 1 booked, 99 CONFLICT', met: s.booked === 1 && s.conflicts === 99, detail: `${s.conflicts} conflicts, ${s.other} other, ${s.ms} ms` },
      { path: `booking throughput: ${t.bookings} bookings, ${t.concurrency} in flight`, where: kind, measure: 'bookings/s', ponte: t.perSecond, goal: 'none failed', met: t.failed === 0, detail: `${t.failed} failed` },
    );
    return rows;
  } finally {
    for (const server of processes) await server.stop();
    await handle.close();
    await database.drop();
  }
}

async function section(name: string, work: () => Promise<BenchRow[]>): Promise<BenchRow[]> {
  process.stdout.write(`${name}… `);
  const t = performance.now();
  try {
    const rows = await work();
    process.stdout.write(`${Math.round((performance.now() - t) / 1000)} s\n`);
    return rows;
  } catch (error) {
    // One path failing to measure (PostgreSQL down, no Chromium) must not hide the others.
    console.error(`\n${name} not measured: ${String(error)}`);
    return [];
  }
}

/** `npm run bench -- submit feeds` runs only those parts; with no names, all of them. */
const PARTS = ['scheduling', 'submit', 'feeds', 'indicators', 'first-load'] as const;
const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !(PARTS as readonly string[]).includes(a));
if (unknown.length > 0) throw new Error(`Unknown part(s) ${unknown.join(', ')}: choose among ${PARTS.join(', ')}`);
const runs = (part: (typeof PARTS)[number]) => asked.length === 0 || asked.includes(part);

const rows: BenchRow[] = [];
for (const kind of ['sqlite', 'postgres'] as const) {
  if (runs('scheduling')) rows.push(...(await section(`${kind}: free slots, storm, throughput`, () => benchScheduling(kind))));
  if (runs('submit')) rows.push(...(await section(`${kind}: submit`, () => benchSubmit(kind))));
  if (runs('feeds')) rows.push(...(await section(`${kind}: calendar feeds`, () => benchFeeds(kind))));
  if (runs('indicators')) rows.push(...(await section(`${kind}: the fund's indicators for an Ambito-year`, () => benchIndicators(kind))));
}
if (runs('first-load')) rows.push(...(await section('chromium: first load of the A.1 widget page', benchFirstLoad)));

const table = [
  '| path | where | measure | Ponte | floor or peer | ratio | goal | met |',
  '| --- | --- | --- | ---: | --- | ---: | --- | --- |',
  ...rows.map((r) => {
    const peer = r.peer ? `${r.peer.value} (${r.peer.name})` : '—';
    const ratio = r.peer && r.peer.value !== 0 ? `${Math.round((r.ponte / r.peer.value) * 100) / 100}×` : '—';
    return `| ${r.path} | ${r.where} | ${r.measure} | ${r.ponte} | ${peer} | ${ratio} | ${r.goal} | ${r.met ? 'yes' : '**no**'} |${r.detail ? ` ${r.detail}` : ''}`;
  }),
].join('\n');
console.log(`\n${table}`);

const outDir = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(outDir, { recursive: true });
const at = new Date().toISOString();
writeFileSync(join(outDir, 'latest.json'), JSON.stringify({ at, node: process.version, rows }, null, 2));
writeFileSync(join(outDir, 'latest.md'), `npm run bench, ${at}, Node ${process.version}\n\n${table}\n`);
console.log('\nwritten to packages/server/bench/results/latest.json and latest.md');
