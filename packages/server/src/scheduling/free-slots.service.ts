import type { Submitter } from '../auth/actor.js';
import type { AppointmentMode } from '../db/database.js';
import type { ServiceCall } from '../service-call.js';
import { DomainError } from '../domain-error.js';
import { groupBy } from '../group-by.js';
import { availableIntervals } from '../availability/availability-expansion.js';
import { busyIntervalsOf } from './busy-intervals.repository.js';
import { exceptionsOf, rulesOf, type StoredException, type StoredRule } from '../availability/availability.repository.js';
import { mergeIntervals, subtractIntervals, type Interval } from './intervals.js';
import { activeSpeakers } from '../mediators/mediator.repository.js';
import { localDay, zoneCalendar, type ZoneCalendar } from './zone-calendar.js';

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
 * grouped by local day. A constant number of queries in two rounds (the
 * tenant and the speakers, then their rules, exceptions and busy intervals),
 * then one pass per mediator over merged intervals: available (rules +
 * extra − leave) minus busy.
 *
 * The place of the new appointment is not known yet, so for an in-person
 * search every in-person appointment is taken to be elsewhere: it blocks the
 * travel buffer before and after it. A phone or video search needs no buffer.
 * A search without a mode is an in-person one, the stricter of the two.
 */
export async function freeSlots(call: ServiceCall<Submitter>, input: FreeSlotsInput): Promise<FreeSlots> {
  const { db, dialect, who, now } = call;
  if (input.to < input.from) throw new DomainError('BAD_REQUEST', 'windowOrder', {}, 'to');
  // Who speaks the language does not depend on the tenant's zone or rules: both reads go at once.
  const [{ timeZone: zone, settings }, ids] = await Promise.all([call.tenant(), activeSpeakers(db, who.tenantId, [input.language], input.variety)]);
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

  const mode = input.mode ?? 'in_person';
  const bufferMs = settings.travelBufferMinutes * 60_000;
  const busyWindow = { from: new Date(windowStart - bufferMs).toISOString(), to: new Date(windowEnd + bufferMs).toISOString() };
  const [rules, exceptions, busyBy] = await Promise.all([
    rulesOf(db, who.tenantId, ids),
    exceptionsOf(db, who.tenantId, ids, firstDay.date, lastDay.date),
    busyIntervalsOf(db, dialect, who.tenantId, ids, busyWindow, mode, bufferMs),
  ]);
  const openOf = openIntervalsOf(cal, rules, exceptions);

  const durationMs = input.durationMinutes * 60_000;
  const stepMs = settings.slotStepMinutes * 60_000;
  // start instant → mediators free then
  const slots = new Map<number, string[]>();
  for (const id of ids) {
    const free = subtractIntervals(openOf(id), mergeIntervals(busyBy.get(id) ?? []));
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

/**
 * A mediator's open intervals in the calendar's window. Mediators of an
 * Ambito often keep the same hours, and expanding rules day by day is the
 * costliest step of a search after the reads, so each distinct set of rules
 * and exceptions is expanded once and its intervals shared (nothing changes
 * them afterwards).
 */
function openIntervalsOf(cal: ZoneCalendar, rules: readonly StoredRule[], exceptions: readonly StoredException[]): (mediatorId: string) => Interval[] {
  const rulesBy = groupBy(rules, (r) => r.mediatorId);
  const exceptionsBy = groupBy(exceptions, (e) => e.mediatorId);
  const byHours = new Map<string, Interval[]>();
  return (mediatorId) => {
    const own = rulesBy.get(mediatorId) ?? [];
    const away = exceptionsBy.get(mediatorId) ?? [];
    const hours = `${own.map((r) => `${r.weekday} ${r.startTime}-${r.endTime} ${r.validFrom}/${r.validTo}`).join()}|${away.map((e) => `${e.date} ${e.kind} ${e.startTime}-${e.endTime}`).join()}`;
    let open = byHours.get(hours);
    if (!open) {
      open = availableIntervals(cal, own, away);
      byHours.set(hours, open);
    }
    return open;
  };
}
