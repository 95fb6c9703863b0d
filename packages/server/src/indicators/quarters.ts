import type { Quarter } from './narrative.repository.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** The local dates a calendar quarter runs over, both included: 2026 Q1 is 2026-01-01 to 2026-03-31. */
export function quarterDates({ year, quarter }: Quarter): { from: string; to: string } {
  const firstMonth = (quarter - 1) * 3 + 1;
  // Day 0 of the month after the quarter is its last day.
  const lastDay = new Date(Date.UTC(year, firstMonth + 2, 0)).getUTCDate();
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(firstMonth + 2)}-${pad(lastDay)}` };
}
