import type { Submitter } from '../auth/actor.js';
import type { AppointmentMode } from '../db/database.js';
import type { ServiceCall } from '../service-call.js';
import { DomainError } from '../domain-error.js';
import { busyOf } from './appointment.repository.js';
import { groupBy } from '../group-by.js';
import { availableIntervals } from '../availability/availability-expansion.js';
import { busyIntervalsBy } from './busy-intervals.js';
import { exceptionsOf, rulesOf } from '../availability/availability.repository.js';
import { mergeIntervals, subtractIntervals } from './intervals.js';
import { activeSpeakers } from '../mediators/mediator.repository.js';
import { localDay, zoneCalendar } from './zone-calendar.js';

export interface FreeSlotsInput {
  language: string;
  variety?: string | undefined;
  /** local dates 'YYYY-MM-DD' in the tenant's zone, both inclusive */
  from: string;
  to: string;
  durationMinutes: number;
  mode?: AppointmentMode | undefined;
}

export interface FreeSlots {
  timeZone: string;
  stepMinutes: number;
  days: { date: string; slots: { start: string; localTime: string; mediatorIds: string[] }[] }[];
}

export const MAX_WINDOW_DAYS = 62;

/**
 * Free start times across every active mediator who speaks the language,
 * grouped by local day. A constant number of queries (candidates, rules,
 * exceptions, appointments), then one pass per mediator over merged
 * intervals: available (rules + extra − leave) minus busy.
 *
 * The place of the new appointment is not known yet, so for an in-person
 * search every in-person appointment is taken to be elsewhere: it blocks the
 * travel buffer before and after it. A phone or video search needs no buffer.
 * A search without a mode is an in-person one, the stricter of the two.
 */
export async function freeSlots(call: ServiceCall<Submitter>, input: FreeSlotsInput): Promise<FreeSlots> {
  const { db, who, now } = call;
  if (input.to < input.from) throw new DomainError('BAD_REQUEST', 'windowOrder', {}, 'to');
  const { timeZone: zone, settings } = await call.tenant();
  const firstDay = localDay(zone, input.from);
  const lastDay = localDay(zone, input.to);
  if ((lastDay.start - firstDay.start) / 86_400_000 >= MAX_WINDOW_DAYS) {
    throw new DomainError('BAD_REQUEST', 'windowTooLong', { days: MAX_WINDOW_DAYS }, 'to');
  }
  const cal = zoneCalendar(zone, new Date(firstDay.start), new Date(lastDay.end));
  const windowStart = Math.max(firstDay.start, now.getTime());
  const windowEnd = lastDay.end;
  const result: FreeSlots = { timeZone: zone, stepMinutes: settings.slotStepMinutes, days: [] };
  if (windowStart >= windowEnd) return result;

  const ids = await activeSpeakers(db, who.tenantId, [input.language], input.variety);
  const mode = input.mode ?? 'in_person';
  const bufferMs = settings.travelBufferMinutes * 60_000;
  const [rules, exceptions, busy] = await Promise.all([
    rulesOf(db, who.tenantId, ids),
    exceptionsOf(db, who.tenantId, ids, firstDay.date, lastDay.date),
    busyOf(db, who.tenantId, ids, new Date(windowStart - bufferMs).toISOString(), new Date(windowEnd + bufferMs).toISOString()),
  ]);
  const rulesBy = groupBy(rules, (r) => r.mediatorId);
  const exceptionsBy = groupBy(exceptions, (e) => e.mediatorId);
  const busyBy = busyIntervalsBy(busy, mode, bufferMs);

  const durationMs = input.durationMinutes * 60_000;
  const stepMs = settings.slotStepMinutes * 60_000;
  // start instant → mediators free then
  const slots = new Map<number, string[]>();
  for (const id of ids) {
    const open = availableIntervals(cal, rulesBy.get(id) ?? [], exceptionsBy.get(id) ?? []);
    const free = subtractIntervals(open, mergeIntervals(busyBy.get(id) ?? []));
    for (const f of free) {
      const from = Math.max(f.start, windowStart);
      const to = Math.min(f.end, windowEnd);
      const day = cal.dayOf(from);
      if (!day) continue;
      // Starts on the step grid counted from local midnight: 09:00, 09:30…
      let t = day.start + Math.ceil((from - day.start) / stepMs) * stepMs;
      for (; t + durationMs <= to; t += stepMs) {
        const list = slots.get(t);
        if (list) list.push(id);
        else slots.set(t, [id]);
      }
    }
  }

  const byDay = new Map<string, FreeSlots['days'][number]>();
  for (const t of [...slots.keys()].sort((a, b) => a - b)) {
    const date = cal.dayOf(t)!.date;
    let day = byDay.get(date);
    if (!day) {
      day = { date, slots: [] };
      byDay.set(date, day);
      result.days.push(day);
    }
    day.slots.push({ start: new Date(t).toISOString(), localTime: cal.localTime(t), mediatorIds: slots.get(t)! });
  }
  return result;
}
