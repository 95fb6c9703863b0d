import type { Interval } from '../scheduling/intervals.js';
import { mergeIntervals, subtractIntervals } from '../scheduling/intervals.js';
import type { ZoneCalendar } from '../scheduling/zone-calendar.js';

export interface WeeklyRule {
  weekday: number;
  startTime: string;
  endTime: string;
  validFrom: string | null;
  validTo: string | null;
}

export interface DatedException {
  date: string;
  kind: 'unavailable' | 'available';
  startTime: string | null;
  endTime: string | null;
}

/**
 * When a mediator is available inside the calendar's window: weekly rules,
 * plus extra hours, minus leave and holidays. Rules are local wall-clock
 * times, turned into instants day by day in the tenant's zone, so a 09:00
 * rule stays 09:00 across the changes to and from summer time.
 */
export function availableIntervals(cal: ZoneCalendar, rules: readonly WeeklyRule[], exceptions: readonly DatedException[]): Interval[] {
  const byWeekday = new Map<number, WeeklyRule[]>();
  for (const r of rules) byWeekday.set(r.weekday, [...(byWeekday.get(r.weekday) ?? []), r]);
  const byDate = new Map<string, DatedException[]>();
  for (const e of exceptions) byDate.set(e.date, [...(byDate.get(e.date) ?? []), e]);

  const open: Interval[] = [];
  const closed: Interval[] = [];
  for (const day of cal.days) {
    for (const r of byWeekday.get(day.weekday) ?? []) {
      if ((r.validFrom && day.date < r.validFrom) || (r.validTo && day.date > r.validTo)) continue;
      open.push({ start: cal.instant(day.date, r.startTime), end: cal.instant(day.date, r.endTime) });
    }
    for (const e of byDate.get(day.date) ?? []) {
      const span =
        e.startTime && e.endTime
          ? { start: cal.instant(day.date, e.startTime), end: cal.instant(day.date, e.endTime) }
          : { start: day.start, end: day.end };
      (e.kind === 'available' ? open : closed).push(span);
    }
  }
  return subtractIntervals(mergeIntervals(open), mergeIntervals(closed));
}
