import type { AppointmentMode, Db } from '../db/database.js';
import { busyOf } from '../scheduling/appointment.repository.js';
import { groupBy } from '../group-by.js';
import { availableIntervals } from '../availability/availability-expansion.js';
import { busyIntervalsBy } from '../scheduling/busy-intervals.js';
import { exceptionsOf, rulesOf } from '../availability/availability.repository.js';
import { mergeIntervals, subtractIntervals, type Interval } from '../scheduling/intervals.js';
import { localDay, zoneCalendar, type ZoneCalendar } from '../scheduling/zone-calendar.js';
import type { ProposedSlot } from './request-criteria.js';

/** A proposed slot as instants: where a meeting of the request's length may start. */
export interface ProposedWindow extends ProposedSlot {
  /** the proposed start and end, ISO instants */
  start: string;
  end: string;
  /** false when it is over, or too close to now for the meeting to fit */
  open: boolean;
}

/** A proposed slot a mediator is free for, at its earliest start that fits. */
export interface SlotFit {
  index: number;
  start: string;
  end: string;
  /** local date and 'HH:MM' of `start` in the tenant's zone */
  date: string;
  localTime: string;
}

export interface FitOptions {
  zone: string;
  /** the request's expected length; the proposed window's own length when it gives none */
  durationMinutes: number | null;
  mode: AppointmentMode;
  stepMinutes: number;
  travelBufferMinutes: number;
  now: Date;
}

interface Window {
  slot: ProposedSlot;
  cal: ZoneCalendar;
  start: number;
  end: number;
  /** the first and the last start that fit, on the step grid counted from the proposed start */
  earliest: number;
  latest: number;
  needed: number;
}

function windowsOf(slots: readonly ProposedSlot[], o: FitOptions): Window[] {
  const stepMs = o.stepMinutes * 60_000;
  return slots
    .map((slot) => {
      const day = localDay(o.zone, slot.date);
      const cal = zoneCalendar(o.zone, new Date(day.start), new Date(day.end));
      const start = cal.instant(slot.date, slot.from);
      const end = cal.instant(slot.date, slot.to);
      // What scheduling.book accepts: 15 to 480 minutes.
      const needed = (o.durationMinutes ?? Math.min(480, Math.max(15, (end - start) / 60_000))) * 60_000;
      // A window shorter than the meeting still offers its start.
      const latest = Math.max(start, end - needed);
      const now = o.now.getTime();
      const earliest = now <= start ? start : start + Math.ceil((now - start) / stepMs) * stepMs;
      return { slot, cal, start, end, earliest, latest, needed };
    })
    .sort((a, b) => a.earliest - b.earliest);
}

/**
 * Which proposed slots each mediator is free for: declared availability
 * (rules + extra hours − leave, per proposed day) minus their appointments,
 * with the travel buffer of scheduling.freeSlots (free-slots.service.ts): for
 * an in-person meeting every in-person appointment is taken to be elsewhere.
 * Three queries whatever the number of mediators and slots, then one pass
 * per mediator over merged intervals.
 */
export async function fitProposedSlots(
  db: Db,
  tenantId: string,
  mediatorIds: string[],
  slots: readonly ProposedSlot[],
  o: FitOptions,
): Promise<{ windows: ProposedWindow[]; fits: Map<string, SlotFit[]> }> {
  const all = windowsOf(slots, o);
  const windows = all
    .map((w) => ({ ...w.slot, start: new Date(w.start).toISOString(), end: new Date(w.end).toISOString(), open: w.earliest <= w.latest }))
    .sort((a, b) => a.index - b.index);
  const fits = new Map<string, SlotFit[]>();
  const live = all.filter((w) => w.earliest <= w.latest);
  if (live.length === 0 || mediatorIds.length === 0) return { windows, fits };

  const dates = [...new Set(live.map((w) => w.slot.date))].sort();
  const days = dates.map((date) => live.find((w) => w.slot.date === date)!.cal);
  const bufferMs = o.travelBufferMinutes * 60_000;
  const from = Math.min(...live.map((w) => w.earliest)) - bufferMs;
  const to = Math.max(...live.map((w) => w.latest + w.needed)) + bufferMs;
  const [rules, exceptions, busy] = await Promise.all([
    rulesOf(db, tenantId, mediatorIds),
    exceptionsOf(db, tenantId, mediatorIds, dates[0], dates.at(-1)),
    busyOf(db, tenantId, mediatorIds, new Date(from).toISOString(), new Date(to).toISOString()),
  ]);
  const rulesBy = groupBy(rules, (r) => r.mediatorId);
  const exceptionsBy = groupBy(exceptions, (e) => e.mediatorId);
  const busyBy = busyIntervalsBy(busy, o.mode, bufferMs);

  for (const id of mediatorIds) {
    const open = days.flatMap((cal) => availableIntervals(cal, rulesBy.get(id) ?? [], exceptionsBy.get(id) ?? []));
    const free = subtractIntervals(mergeIntervals(open), mergeIntervals(busyBy.get(id) ?? []));
    const found = firstFits(free, live, o.stepMinutes * 60_000);
    if (found.length > 0) fits.set(id, found.sort((a, b) => a.index - b.index));
  }
  return { windows, fits };
}

/** For windows sorted by earliest start: the first start of each that a free interval holds, in one pass. */
function firstFits(free: readonly Interval[], windows: readonly Window[], stepMs: number): SlotFit[] {
  const found: SlotFit[] = [];
  let j = 0;
  for (const w of windows) {
    while (j < free.length && free[j]!.end <= w.earliest) j++;
    for (let k = j; k < free.length && free[k]!.start <= w.latest; k++) {
      const f = free[k]!;
      const t = f.start <= w.earliest ? w.earliest : w.earliest + Math.ceil((f.start - w.earliest) / stepMs) * stepMs;
      if (t <= w.latest && t + w.needed <= f.end) {
        found.push({
          index: w.slot.index,
          start: new Date(t).toISOString(),
          end: new Date(t + w.needed).toISOString(),
          date: w.slot.date,
          localTime: w.cal.localTime(t),
        });
        break;
      }
    }
  }
  return found;
}
