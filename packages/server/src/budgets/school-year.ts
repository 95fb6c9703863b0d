import { DateTime } from 'luxon';
import { FIRST_YEAR, LAST_YEAR } from '../ponte-years.js';

/**
 * The Italian school year of an instant, 'YYYY/YY': from 1 September to
 * 31 August, in the tenant's zone (a session on 31 August at 23:30 in Rome is
 * still the old year though it is September in UTC+2… the other way round).
 */
export function schoolYearOf(at: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  const first = local.month >= 9 ? local.year : local.year - 1;
  return `${first}/${String((first + 1) % 100).padStart(2, '0')}`;
}

export const SCHOOL_YEAR_PATTERN = /^(\d{4})\/(\d{2})$/;

/** Whether 'YYYY/YY' names two consecutive years that overlap Ponte's years (1999/00 to 2098/99). */
export function isSchoolYear(text: string): boolean {
  const m = SCHOOL_YEAR_PATTERN.exec(text);
  const first = Number(m?.[1]);
  return m !== null && first + 1 >= FIRST_YEAR && first < LAST_YEAR && (first + 1) % 100 === Number(m[2]);
}
