import { sql, type Expression } from 'kysely';

/*
 * The protocol number a receipt carries: 'YYYY/NNNNNN', numbered without a
 * gap per tenant and year, the year being the one the tenant's zone is in
 * at the instant of the submission.
 */

// Per zone, one formatter, made once (building an Intl.DateTimeFormat loads
// the zone's rules and costs far more than formatting with it), and its last
// answer by quarter hour: every zone's offset is a whole number of quarter
// hours, so its new year begins on a quarter hour of UTC, and the
// submissions of one quarter hour share their year.
const zones = new Map<string, { format: Intl.DateTimeFormat; quarterHour: number; year: number }>();
const QUARTER_HOUR_MS = 15 * 60 * 1000;

/** The year `at` falls in, in `timeZone`. */
export function protocolYear(timeZone: string, at: Date): number {
  const quarterHour = Math.floor(at.getTime() / QUARTER_HOUR_MS);
  let zone = zones.get(timeZone);
  if (!zone) {
    zone = { format: new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }), quarterHour: NaN, year: NaN };
    zones.set(timeZone, zone);
  }
  if (zone.quarterHour !== quarterHour) {
    zone.year = Number(zone.format.format(at));
    zone.quarterHour = quarterHour;
  }
  return zone.year;
}

/** The number as people read it; past 999999 it grows a digit rather than wrap. */
export function protocolOf(year: number, seq: number): string {
  return `${year}/${String(seq).padStart(6, '0')}`;
}

/**
 * `protocolOf` in PostgreSQL's SQL, for a statement that takes the number
 * and stores it at once (store-submission.ts). The two must agree: the
 * submissions suite checks the receipts of both databases alike.
 */
export function protocolSql(year: number, seq: Expression<number | string>) {
  return sql<string>`${`${year}/`}::text || lpad(${seq}::text, greatest(6, length(${seq}::text)), '0')`;
}
