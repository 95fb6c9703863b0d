import { addDays } from '../booking/local-dates.js';
import { wall } from '../internal/wall-clock.js';

/*
 * Wall-clock times and days in the tenant's zone, whatever the browser's
 * zone, through Intl alone (no time-zone library in the widget bundle).
 * Days are 'YYYY-MM-DD' strings, as booking's local-dates.ts has them.
 */


/**
 * The instant a local day begins. The zone's offset is read at a first guess
 * and again at the instant it gives, so a day on which the clocks change
 * (2026-03-29, 2026-10-25 in Rome) starts at its own offset, not the day's end's.
 */
export function dayStart(date: string, zone: string): string {
  const guess = Date.parse(`${date}T00:00Z`);
  let t = guess;
  for (let i = 0; i < 2; i++) t = guess - (Date.parse(`${wall(t, zone).replace(' ', 'T')}Z`) - t);
  return new Date(t).toISOString();
}

/** 1 Monday … 7 Sunday, as the server's weekly rules count */
export const isoWeekday = (date: string): number => new Date(`${date}T12:00Z`).getUTCDay() || 7;

export const weekStart = (date: string): string => addDays(date, 1 - isoWeekday(date));

/** the first day of the month `months` after the one of `date` */
export function monthStart(date: string, months = 0): string {
  const d = new Date(`${date.slice(0, 8)}01T12:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** `count` days from `first` */
export const daysFrom = (first: string, count: number): string[] => Array.from({ length: count }, (_, i) => addDays(first, i));
