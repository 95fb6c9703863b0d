import { DateTime } from 'luxon';

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

/** Whether 'YYYY/YY' names two consecutive years, the first from 1999 (its second half is in 2000) to 2098: Ponte's years. */
export function isSchoolYear(text: string): boolean {
  const m = SCHOOL_YEAR_PATTERN.exec(text);
  const first = Number(m?.[1]);
  return m !== null && first >= 1999 && first <= 2098 && (first + 1) % 100 === Number(m[2]);
}
