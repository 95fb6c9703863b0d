/**
 * The years Ponte takes dates and instants in, 2000 to 2099. NOTE: a date
 * far away is never a meeting, and each one costs work (a school year named
 * after it, a calendar built up to it; PostgreSQL's timestamptz ends in year
 * 294276, JavaScript's Date in 275760, and PostgreSQL refuses year 0):
 * inputs are held to them before any service or query sees them.
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;
export const FIRST_DAY = `${FIRST_YEAR}-01-01`;
export const LAST_DAY = `${LAST_YEAR}-12-31`;

const FIRST_INSTANT = Date.parse(`${FIRST_DAY}T00:00:00Z`);
const END_INSTANT = Date.parse(`${LAST_DAY}T23:59:59.999Z`);

/** Whether an instant (milliseconds since the epoch) lies in Ponte's years; false for NaN. */
export function inPonteYears(at: number): boolean {
  return at >= FIRST_INSTANT && at <= END_INSTANT;
}

export function beforePonteYears(at: number): boolean {
  return at < FIRST_INSTANT;
}
