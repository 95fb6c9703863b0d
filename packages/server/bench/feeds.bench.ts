// The iCal feed of a mediator with 5,000 events in its window, among 32,500
// appointments of the tenant, over HTTP to a real server process: a poll that finds nothing changed (304), beside the
// floor of the route (a 404 for a well-formed token nobody holds), and a
// poll after a change (200), beside ical-generator alone building the same
// events in this process as the feed once did. Each pair is measured
// interleaved, so that both sides see the same noise.
import { sql } from 'kysely';
import { hashPassword } from '../src/auth/password.js';
import { eventsOf } from '../src/calendar-feeds/feed-content.js';
import { findLiveFeedByHash, type Feed } from '../src/calendar-feeds/feed.repository.js';
import { feedWindow } from '../src/calendar-feeds/feed-window.js';
import { openDatabase } from '../src/db/connect.js';
import type { Db } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { newId, sha256 } from '../src/ids.js';
import { schoolYearOf } from '../src/budgets/school-year.js';
import { placeKeyOf } from '../src/scheduling/placement.js';
import { countScheduleWrite } from '../src/scheduling/schedule-version.js';
import { DEFAULT_SETTINGS, saveSettings } from '../src/scheduling/settings.repository.js';
import { icalGeneratorCalendar } from '../test/calendar-feeds/ical-generator-calendar.js';
import { createDatabase } from '../test/helpers/databases.js';
import { startServerProcess, type ServerProcess } from '../test/helpers/server-process.js';
import { median, percentile, round, type BenchRow } from './bench-row.js';

const ZONE = 'Europe/Rome';
const PASSWORD = 'bench-pass-2026';
const EVENTS = 5000;
const RUNS = Number(process.env.PONTE_BENCH_FEED_RUNS ?? 40);

interface Seeded {
  tenantId: string;
  mediatorId: string;
  coordinatorEmail: string;
  appointmentIds: string[];
}

/** Other mediators of the tenant and their appointments each: the feed's are not the only rows in the table. */
const OTHER_MEDIATORS = Number(process.env.PONTE_BENCH_FEED_OTHER_MEDIATORS ?? 11);
const OTHER_EVENTS = 2500;

/** `count` appointments of a mediator from 170 days back (the window reaches 180), nine a day on the hour, none overlapping. */
function appointmentRows(tenantId: string, mediatorId: string, organisationIds: string[], count: number, at: string) {
  const firstDay = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 170 * 86_400_000;
  return Array.from({ length: count }, (_, i) => {
    const startsAt = new Date(firstDay + Math.floor(i / 9) * 86_400_000 + (7 + (i % 9)) * 3_600_000);
    const endsAt = new Date(startsAt.getTime() + 3_600_000);
    const inPerson = i % 2 === 0;
    const place = inPerson ? 'Plesso Rodari, aula 3B' : '';
    return {
      id: newId(),
      tenant_id: tenantId,
      mediator_id: mediatorId,
      organisation_id: organisationIds[i % organisationIds.length]!,
      submission_id: null,
      series_id: null,
      action: '1' as const,
      school_year: schoolYearOf(startsAt, ZONE),
      starts_at: startsAt.toISOString(),
      ends_at: endsAt.toISOString(),
      buffer_until: endsAt.toISOString(),
      mode: inPerson ? ('in_person' as const) : ('video' as const),
      place,
      place_key: placeKeyOf(place),
      case_code: `MZ-${1000 + i}`,
      status: i % 10 === 9 ? ('cancelled' as const) : ('scheduled' as const),
      sequence: i % 3,
      billed_minutes: 60,
      cancelled_at: null,
      cancellation: null,
      created_at: at,
      updated_at: new Date(Date.parse(at) - i * 60_000).toISOString(),
    };
  });
}

/**
 * One tenant, six organisations, the feed's mediator with 5,000
 * appointments inside its window (from 170 days back to 386 ahead), and
 * other mediators with 2,500 each (eleven unless PONTE_BENCH_FEED_OTHER_MEDIATORS
 * says otherwise): some 32,500 appointments, as many as the scheduling
 * benchmark holds.
 */
async function seed(db: Db, kind: 'sqlite' | 'postgres'): Promise<Seeded> {
  const at = new Date().toISOString();
  const tenantId = newId();
  const mediatorIds = Array.from({ length: 1 + OTHER_MEDIATORS }, () => newId());
  const mediatorId = mediatorIds[0]!;
  const coordinatorEmail = `feeds.${tenantId.slice(0, 8)}@bench.test`;
  const organisationIds = Array.from({ length: 6 }, () => newId());
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('tenants').values({ id: tenantId, slug: `feeds-${tenantId.slice(0, 8)}`, name: 'Ambito bench', time_zone: ZONE, created_at: at }).execute();
    await trx
      .insertInto('organisations')
      .values(organisationIds.map((id, i) => ({ id, tenant_id: tenantId, kind: 'school' as const, name: `Istituto Comprensivo Bench ${i + 1}`, mechanographic_code: null, service_type: null, created_at: at })))
      .execute();
    await trx
      .insertInto('users')
      .values({ id: newId(), tenant_id: tenantId, organisation_id: null, email: coordinatorEmail, display_name: 'Bench', role: 'coordinator', password_hash: await hashPassword(PASSWORD), disabled_at: null, created_at: at })
      .execute();
    await trx
      .insertInto('mediators')
      .values(mediatorIds.map((id, i) => ({ id, tenant_id: tenantId, user_id: null, display_name: i === 0 ? 'Amina Benali' : `Mediatore ${i}`, gender: null, areas: '[]', disabled_at: null, created_at: at })))
      .execute();
    await saveSettings(trx, tenantId, DEFAULT_SETTINGS, at);
  });
  const rows = appointmentRows(tenantId, mediatorId, organisationIds, EVENTS, at);
  const others = mediatorIds.slice(1).flatMap((id) => appointmentRows(tenantId, id, organisationIds, OTHER_EVENTS, at));
  // Interleaved, as bookings arrive: the feed's rows are spread through the table, not packed at its start.
  const all = [...rows, ...others].sort((a, b) => a.starts_at.localeCompare(b.starts_at));
  for (let i = 0; i < all.length; i += 500) await db.insertInto('appointments').values(all.slice(i, i + 500)).execute();
  // PostgreSQL gathers planner statistics by itself (autovacuum); SQLite keeps none unless asked, and Ponte does not ask.
  if (kind === 'postgres') await sql`analyze`.execute(db);
  return { tenantId, mediatorId, coordinatorEmail, appointmentIds: rows.map((r) => r.id) };
}

async function trpcCall<T>(url: string, path: string, token: string | null, input: unknown): Promise<T> {
  const response = await fetch(`${url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!body.result) throw new Error(`${path} failed: ${JSON.stringify(body.error)}`);
  return body.result.data;
}

/** One GET, timed until the last byte of the body is read. */
async function timedGet(url: string, headers: Record<string, string> = {}): Promise<{ ms: number; status: number; etag: string | null; bytes: number }> {
  const t = performance.now();
  const response = await fetch(url, { headers });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - t, status: response.status, etag: response.headers.get('etag'), bytes: body.byteLength };
}

/** A change a calendar shows, written as the scheduling code writes one: the sequence raised, the instant of the change. */
async function changeOne(db: Db, tenantId: string, id: string, run: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const changed = await trx
      .updateTable('appointments')
      .set((eb) => ({ sequence: eb('sequence', '+', 1), updated_at: new Date().toISOString(), place: `Plesso Rodari, aula ${run}`, place_key: placeKeyOf(`Plesso Rodari, aula ${run}`) }))
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returning(['mediator_id', 'organisation_id', 'submission_id'])
      .executeTakeFirstOrThrow();
    // As every write of an appointment does (appointment.repository.ts): the feed's version moves with it.
    await countScheduleWrite(trx, { tenantId, mediatorId: changed.mediator_id, organisationId: changed.organisation_id, submissionId: changed.submission_id });
  });
}

const spread = (values: number[]) => `p95 ${round(percentile(values, 95))} ms, ${values.length} samples`;

export async function benchFeeds(kind: 'sqlite' | 'postgres'): Promise<BenchRow[]> {
  const database = await createDatabase(kind);
  const handle = openDatabase(database.url);
  let server: ServerProcess | undefined;
  try {
    await migrateToLatest(handle.db);
    const data = await seed(handle.db, kind);
    server = await startServerProcess(database.url);
    const token = (await trpcCall<{ token: string }>(server.url, 'auth.signIn', null, { email: data.coordinatorEmail, password: PASSWORD })).token;
    const { url } = await trpcCall<{ url: string }>(server.url, 'calendarFeeds.rotate', token, { ownerKind: 'mediator', ownerId: data.mediatorId });
    const feedToken = new URL(url).pathname.slice('/ical/'.length, -'.ics'.length);
    const feed = (await findLiveFeedByHash(handle.db, sha256(feedToken))) as Feed;
    const floorUrl = `${server.url}/ical/ical_${'Q'.repeat(43)}.ics`;
    const host = new URL(server.url).hostname;
    const errors: string[] = [];

    let first = await timedGet(url);
    for (let i = 0; i < 3; i++) {
      first = await timedGet(url);
      await timedGet(floorUrl);
    }
    if (first.status !== 200 || !first.etag) throw new Error(`the feed answered ${first.status}`);
    let etag = first.etag;
    const events = await eventsOf(handle.db, feed, feedWindow(new Date()));
    if (events.length !== EVENTS) errors.push(`the feed holds ${events.length} events, not ${EVENTS}`);

    // (a) a poll that finds nothing changed, beside the route's floor
    const unchanged: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < RUNS * 5; i++) {
      const pair = i % 2 === 0 ? ['feed', 'floor'] : ['floor', 'feed'];
      for (const which of pair) {
        if (which === 'feed') {
          const r = await timedGet(url, { 'if-none-match': etag });
          if (r.status !== 304) errors.push(`unchanged poll answered ${r.status}`);
          unchanged.push(r.ms);
        } else {
          const r = await timedGet(floorUrl);
          if (r.status !== 404) errors.push(`floor answered ${r.status}`);
          floor.push(r.ms);
        }
      }
    }

    // (b) a poll after a change, beside ical-generator alone on the same events
    const changed: number[] = [];
    const generator: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      await changeOne(handle.db, data.tenantId, data.appointmentIds[(i * 37) % EVENTS]!, i);
      const same = await eventsOf(handle.db, feed, feedWindow(new Date()));
      const name = `Ponte – ${same[0]?.mediatorName ?? 'mediazioni'}`;
      const peer = () => {
        const t = performance.now();
        bytes = Buffer.byteLength(icalGeneratorCalendar({ name, zone: ZONE, host, events: same }));
        generator.push(performance.now() - t);
      };
      if (i % 2 === 1) peer();
      const r = await timedGet(url, { 'if-none-match': etag });
      if (r.status !== 200 || !r.etag || r.etag === etag) errors.push(`poll after a change answered ${r.status} with ${r.etag === etag ? 'the same' : 'a new'} ETag`);
      changed.push(r.ms);
      etag = r.etag ?? etag;
      if (i % 2 === 0) peer();
    }

    const unchangedP50 = median(unchanged);
    const changedP50 = median(changed);
    const generatorP50 = median(generator);
    const problems = errors.length ? `; ${errors.length} errors, first: ${errors[0]}` : '';
    return [
      {
        path: `iCal feed, ${EVENTS} events among ${EVENTS + OTHER_MEDIATORS * OTHER_EVENTS}: poll with a matching If-None-Match (304)`,
        where: kind,
        measure: 'p50 ms',
        ponte: round(unchangedP50),
        peer: { name: '404 floor: GET /ical/<unknown token>.ics, same server', value: round(median(floor)) },
        goal: '304 ≤ 2 ms p50',
        met: unchangedP50 <= 2 && errors.length === 0,
        detail: `${round(median(unchanged.map((ms, i) => ms - floor[i]!)))} ms over the floor (p50 of pairs); ${spread(unchanged)}; floor ${spread(floor)}${problems}`,
      },
      {
        path: `iCal feed, ${EVENTS} events among ${EVENTS + OTHER_MEDIATORS * OTHER_EVENTS}: poll after a change (200)`,
        where: kind,
        measure: 'p50 ms',
        ponte: round(changedP50),
        peer: { name: 'ical-generator alone, the same events, in-process', value: round(generatorP50) },
        goal: '200 ≤ 1.5× ical-generator',
        met: changedP50 <= 1.5 * generatorP50 && errors.length === 0,
        detail: `${round(changedP50 / generatorP50)}× ical-generator; ${spread(changed)}; ical-generator ${spread(generator)}; ${Math.round(bytes / 1024)} kB of text${problems}`,
      },
    ];
  } finally {
    await server?.stop();
    await handle.close();
    await database.drop();
  }
}
