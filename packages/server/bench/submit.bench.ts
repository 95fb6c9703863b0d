// submissions.submit with a publishable key, over HTTP to a real Ponte server
// process, beside a floor (submit-floor.ts: Fastify and one INSERT of the
// same body) on a database of the same kind, loaded in turns: floor, Ponte,
// floor, Ponte, so that both see the same machine.
import { openDatabase } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedDemo } from '../src/seed/seed-demo.js';
import { createDatabase, type TestDatabase } from '../test/helpers/databases.js';
import { sampleFor } from '../test/helpers/samples.js';
import { startServerProcess, type ServerProcess } from '../test/helpers/server-process.js';
import { round, type BenchRow } from './bench-row.js';
import { startFloorProcess } from './floor-process.js';
import { load, type LoadResult } from './http-load.js';

const CONNECTIONS = 50;
const SECONDS = 10;
const WARM_UP_SECONDS = 3;
const ROUNDS = 2;
const GOAL = { shareOfFloor: 0.3, p99Ms: 100 };

/** A school's own site, which its key lists: not one of Ponte's origins, so both the CORS check and the key's list are asked. */
const SCHOOL_SITE = 'https://www.icmanzoni.example';
const KEY = 'pk_demo_manzoni';

export async function benchSubmit(kind: 'sqlite' | 'postgres'): Promise<BenchRow[]> {
  const databases: TestDatabase[] = [];
  const processes: ServerProcess[] = [];
  try {
    const ponteDb = await createDatabase(kind);
    databases.push(ponteDb);
    const floorDb = await createDatabase(kind);
    databases.push(floorDb);
    const organisationId = await seedWithKey(ponteDb.url);

    // The rate limits stay on, as in production, set too high to answer 429 to one address.
    const limits = { PONTE_RATE_PUBLIC_PER_MINUTE: '100000000', PONTE_RATE_STAFF_PER_MINUTE: '100000000' };
    const ponte = await startServerProcess(ponteDb.url, limits);
    processes.push(ponte);
    const floor = await startFloorProcess(floorDb.url);
    processes.push(floor);

    const submitUrl = `${ponte.url}/trpc/submissions.submit`;
    const body = JSON.stringify({ formId: 'school-request', version: 1, data: sampleFor('school-request', organisationId), idempotencyKey: 'bench-[<id>]' });
    const headers = { 'content-type': 'application/json', 'x-ponte-key': KEY, 'x-ponte-locale': 'it', origin: SCHOOL_SITE };
    await expectAccepted(submitUrl, headers, body);
    await expectAccepted(floor.url, headers, body);

    const run = (url: string, seconds = SECONDS) => load(url, { headers, body, connections: CONNECTIONS, seconds });
    await run(floor.url, WARM_UP_SECONDS);
    await run(submitUrl, WARM_UP_SECONDS);
    const floorRuns: LoadResult[] = [];
    const ponteRuns: LoadResult[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      floorRuns.push(await run(floor.url));
      ponteRuns.push(await run(submitUrl));
    }
    const numbering = await checkNumbering(ponteDb.url);
    return rowsOf(kind, ponteRuns, floorRuns, numbering);
  } finally {
    for (const p of processes) await p.stop();
    for (const d of databases) await d.drop();
  }
}

/** The demo Ambito, its keys listing the school's site; answers the organisation of the bench's key. */
async function seedWithKey(url: string): Promise<string> {
  const handle = openDatabase(url);
  try {
    await migrateToLatest(handle.db);
    await seedDemo(handle.db, [SCHOOL_SITE]);
    const row = await handle.db.selectFrom('publishable_keys').select('organisation_id').where('key', '=', KEY).executeTakeFirstOrThrow();
    return row.organisation_id;
  } finally {
    await handle.close();
  }
}

async function expectAccepted(url: string, headers: Record<string, string>, body: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers, body: body.replace('[<id>]', 'first-call') });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
}

/** After the load: every protocol number of each tenant and year taken once, 1 to N, none skipped. */
async function checkNumbering(url: string): Promise<string> {
  const handle = openDatabase(url);
  try {
    const years = await handle.db
      .selectFrom('submissions')
      .select(['tenant_id', 'protocol_year', (eb) => eb.fn.countAll<number | string>().as('n'), (eb) => eb.fn.max('protocol_seq').as('last'), (eb) => eb.fn.count<number | string>('protocol_seq').distinct().as('distinct')])
      .groupBy(['tenant_id', 'protocol_year'])
      .execute();
    const gapless = years.every((y) => Number(y.n) === Number(y.last) && Number(y.n) === Number(y.distinct));
    const total = years.reduce((n, y) => n + Number(y.n), 0);
    return `${total} submissions stored, numbered ${gapless ? 'without a gap' : 'WITH GAPS'}`;
  } finally {
    await handle.close();
  }
}

function rowsOf(kind: string, ponteRuns: LoadResult[], floorRuns: LoadResult[], numbering: string): BenchRow[] {
  const mean = (runs: LoadResult[]) => runs.reduce((n, r) => n + r.perSecond, 0) / runs.length;
  const worstP99 = (runs: LoadResult[]) => Math.max(...runs.map((r) => r.p99Ms));
  const failed = (runs: LoadResult[]) => runs.reduce((n, r) => n + r.failed, 0);
  const failures = (runs: LoadResult[]) => (failed(runs) === 0 ? '0' : `${failed(runs)} (${runs.map((r) => r.statuses).join('; ')})`);
  const ponte = mean(ponteRuns);
  const floor = mean(floorRuns);
  const share = ponte / floor;
  const p99 = worstP99(ponteRuns);
  const met = share >= GOAL.shareOfFloor && p99 <= GOAL.p99Ms && failed(ponteRuns) === 0;
  const path = `submissions.submit, publishable key, A.1 sample, ${CONNECTIONS} connections`;
  const goal = `≥ ${GOAL.shareOfFloor * 100} % of the floor, p99 ≤ ${GOAL.p99Ms} ms`;
  const name = 'floor: Fastify + one INSERT of the same body';
  const each = (runs: LoadResult[]) => runs.map((r) => `${Math.round(r.perSecond)} req/s p99 ${r.p99Ms} ms`).join(', ');
  const detail =
    `${round(share * 100, 1)} % of the floor; ${ROUNDS} rounds of ${SECONDS} s interleaved after ${WARM_UP_SECONDS} s warm-up each; ` +
    `Ponte ${each(ponteRuns)}; floor ${each(floorRuns)}; failed answers: Ponte ${failures(ponteRuns)}, floor ${failures(floorRuns)}; ${numbering}`;
  return [
    { path, where: kind, measure: 'req/s', ponte: Math.round(ponte), peer: { name, value: Math.round(floor) }, goal, met, detail },
    { path, where: kind, measure: 'p99 ms', ponte: p99, peer: { name, value: worstP99(floorRuns) }, goal, met, detail },
  ];
}
