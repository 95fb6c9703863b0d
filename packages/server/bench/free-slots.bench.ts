// scheduling.freeSlots at scale, as a service call (no HTTP), beside the
// bare read of the rows it needs, measured run by run in the same loop.
import { sql } from 'kysely';
import type { KeyHolder } from '../src/auth/actor.js';
import type { DatabaseHandle } from '../src/db/connect.js';
import { MAX_BLOCK_MS } from '../src/scheduling/appointment.repository.js';
import { freeSlots } from '../src/scheduling/free-slots.service.js';
import { DEFAULT_SETTINGS } from '../src/scheduling/settings.repository.js';
import { localDay } from '../src/scheduling/zone-calendar.js';
import { serviceCall } from '../src/service-call.js';
import { median, percentile, round, type BenchRow } from './bench-row.js';
import { ZONE, type BenchData } from './generate.js';

const WARM_UP = 10;
const RUNS = 60;
const GOAL = { p50: 10, p95: 15 };

export async function benchFreeSlots(handle: DatabaseHandle, data: BenchData): Promise<BenchRow[]> {
  const call = freeSlotsCall(handle, data);
  const bare = bareRead(handle, data);
  let slots = 0;
  for (let i = 0; i < WARM_UP; i++) {
    await bare();
    slots = countSlots(await call());
  }
  const ponte: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Each goes first every other run, so neither always finds the other's garbage or a cold cache.
    if (i % 2 === 0) {
      floor.push(await timed(bare));
      ponte.push(await timed(call));
    } else {
      ponte.push(await timed(call));
      floor.push(await timed(bare));
    }
  }

  const p50 = median(ponte);
  const p95 = percentile(ponte, 95);
  const met = p50 <= GOAL.p50 && p95 <= GOAL.p95;
  const path = `freeSlots, 4 weeks, ${data.mediatorIds.length} mediators, ${data.appointments.toLocaleString('en')} appointments`;
  const goal = `p50 ≤ ${GOAL.p50} ms, p95 ≤ ${GOAL.p95} ms`;
  const peer = (value: number) => ({ name: 'bare read of the same rows (rules, exceptions, appointments a row each), same process', value: round(value) });
  const detail = `${RUNS} runs interleaved with the bare read after ${WARM_UP} warm-up; ${slots} slots answered; p50 ${round(p50 / median(floor))}× the bare read`;
  return [
    { path, where: handle.dialect, measure: 'p50 ms', ponte: round(p50), peer: peer(median(floor)), goal, met, detail },
    { path, where: handle.dialect, measure: 'p95 ms', ponte: round(p95), peer: peer(percentile(floor, 95)), goal, met, detail },
  ];
}

/** One free-slot search of the 4-week window, as a request makes it: a fresh call, so the tenant is read anew. */
function freeSlotsCall(handle: DatabaseHandle, data: BenchData) {
  const who: KeyHolder = { kind: 'key', keyId: 'bench', tenantId: data.tenantId, organisationId: data.organisationId };
  const input = { language: 'ara', from: data.windowFrom, to: data.windowTo, durationMinutes: 60, mode: 'in_person' as const };
  const config = { publicUrl: 'http://bench.test', sessionTtlMinutes: 60 };
  return () => freeSlots(serviceCall({ db: handle.db, dialect: handle.dialect, locale: 'it', now: new Date(), config }, who), input);
}

/**
 * The floor: the rows a search needs (the mediators' rules, their exceptions
 * in the window, their live appointments that reach into it, one row each),
 * with instants as the text the database sends, and nothing computed. What
 * is left above it is Ponte's own work: the tenant, the speakers, the slots.
 */
function bareRead(handle: DatabaseHandle, data: BenchData) {
  const { db } = handle;
  const bufferMs = DEFAULT_SETTINGS.travelBufferMinutes * 60_000;
  const from = new Date(localDay(ZONE, data.windowFrom).start - bufferMs).toISOString();
  const to = new Date(localDay(ZONE, data.windowTo).end + bufferMs).toISOString();
  const earliestStart = new Date(Date.parse(from) - MAX_BLOCK_MS).toISOString();
  const { tenantId, mediatorIds } = data;
  const asText = (column: 'starts_at' | 'ends_at' | 'buffer_until') => sql<string>`cast(${sql.ref(column)} as text)`.as(column);
  return () =>
    Promise.all([
      db
        .selectFrom('availability_rules')
        .select(['mediator_id', 'weekday', 'start_time', 'end_time', 'valid_from', 'valid_to'])
        .where('tenant_id', '=', tenantId)
        .where('mediator_id', 'in', mediatorIds)
        .execute(),
      db
        .selectFrom('availability_exceptions')
        .select(['mediator_id', 'date', 'kind', 'start_time', 'end_time'])
        .where('tenant_id', '=', tenantId)
        .where('mediator_id', 'in', mediatorIds)
        .where('date', '>=', data.windowFrom)
        .where('date', '<=', data.windowTo)
        .execute(),
      db
        .selectFrom('appointments')
        .select(['mediator_id', 'mode', asText('starts_at'), asText('ends_at'), asText('buffer_until')])
        .where('tenant_id', '=', tenantId)
        .where('mediator_id', 'in', mediatorIds)
        .where('starts_at', '>', earliestStart)
        .where('starts_at', '<', to)
        .where('buffer_until', '>', from)
        .where('status', '<>', 'cancelled')
        .execute(),
    ]);
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await run();
  return performance.now() - t;
}

const countSlots = (answer: Awaited<ReturnType<typeof freeSlots>>) => answer.days.reduce((n, d) => n + d.slots.length, 0);
