import type { AppointmentMode, PlanAction } from '@ponte/forms';
import { localParts } from './format.js';

/*
 * The periods the Indicatori view adds up: a school year (1 September to
 * 31 August), a calendar year, a quarter or any range of days. All are
 * local dates of the Ambito's zone, 'YYYY-MM-DD', both ends included, as
 * indicators.activity takes them (packages/sdk/README.md#indicatorsactivity).
 */

export type PeriodKind = 'schoolYear' | 'year' | 'quarter' | 'range';

export type Period =
  | { kind: 'schoolYear'; schoolYear: string }
  | { kind: 'year'; year: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'range'; from: string; to: string };

export const PERIOD_KINDS: [PeriodKind, string][] = [
  ['schoolYear', 'Anno scolastico'],
  ['year', 'Anno solare'],
  ['quarter', 'Trimestre'],
  ['range', 'Intervallo di date'],
];

export const QUARTERS: [1 | 2 | 3 | 4, string][] = [
  [1, '1° trimestre (gennaio–marzo)'],
  [2, '2° trimestre (aprile–giugno)'],
  [3, '3° trimestre (luglio–settembre)'],
  [4, '4° trimestre (ottobre–dicembre)'],
];

/** The longest period the server adds up in one call (packages/server/src/indicators/period.ts MAX_PERIOD_DAYS). */
export const MAX_PERIOD_DAYS = 1100;

/** Today in the Ambito's zone. */
export const today = (): string => localParts(new Date().toISOString()).date;

/** '2026-12-07' → '2026/27': a school year starts on 1 September. */
export function schoolYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 9 ? year : year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The school years a coordinator may look back on, and the next: newest first. */
export function schoolYears(around = today(), back = 3): string[] {
  const first = Number(schoolYearOf(around).slice(0, 4)) + 1;
  return Array.from({ length: back + 2 }, (_, i) => schoolYearOf(`${first - i}-09-01`));
}

/** The calendar years offered: this one, the next and three before, newest first. */
export function calendarYears(around = today(), back = 3): number[] {
  const first = Number(around.slice(0, 4)) + 1;
  return Array.from({ length: back + 2 }, (_, i) => first - i);
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The last day of a month (1–12): day 0 of the next month. */
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The first and last day of a period. */
export function periodDates(period: Period): { from: string; to: string } {
  switch (period.kind) {
    case 'schoolYear': {
      const start = Number(period.schoolYear.slice(0, 4));
      return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
    }
    case 'year':
      return { from: `${period.year}-01-01`, to: `${period.year}-12-31` };
    case 'quarter': {
      const first = (period.quarter - 1) * 3 + 1;
      return { from: `${period.year}-${pad(first)}-01`, to: `${period.year}-${pad(first + 2)}-${lastDay(period.year, first + 2)}` };
    }
    case 'range':
      return { from: period.from, to: period.to };
  }
}

/** The period of today's school year: what the view opens on. */
export const currentSchoolYear = (): Period => ({ kind: 'schoolYear', schoolYear: schoolYearOf(today()) });

const longDate = new Intl.DateTimeFormat('it-IT', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** '2026-09-01' → '1 settembre 2026' (a local date: read and written in UTC, so no zone moves it). */
export const formatDay = (date: string): string => longDate.format(new Date(`${date}T00:00:00Z`));

/** The period in words, for headings and the file's description. */
export function periodLabel(period: Period): string {
  const { from, to } = periodDates(period);
  const days = `dal ${formatDay(from)} al ${formatDay(to)}`;
  switch (period.kind) {
    case 'schoolYear':
      return `anno scolastico ${period.schoolYear} (${days})`;
    case 'year':
      return `anno ${period.year}`;
    case 'quarter':
      return `${QUARTERS[period.quarter - 1]![1].replace(/ \(.*/, '')} ${period.year} (${days})`;
    case 'range':
      return days;
  }
}

/** Why a range of dates cannot be added up, or undefined when it can. */
export function rangeProblem(from: string, to: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) return 'Indica la data di inizio.';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(to)) return 'Indica la data di fine.';
  if (to < from) return 'La data di fine non può precedere quella di inizio.';
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (days >= MAX_PERIOD_DAYS) return `Il periodo può durare al massimo ${MAX_PERIOD_DAYS.toLocaleString('it-IT')} giorni.`;
  return undefined;
}

/** What every section of the Indicatori view is drawn for: a period and the filters chosen with it. */
export interface IndicatorsQuery {
  period: Period;
  from: string;
  to: string;
  action?: PlanAction;
  organisationId?: string;
  /** the language the request asked for, ISO 639-3 ('ara') */
  language?: string;
  mode?: AppointmentMode;
}

/** The query as every indicator of a period takes it (indicators.activity, beneficiaries, reach and their files). */
export const periodInput = (q: IndicatorsQuery) => ({
  from: q.from,
  to: q.to,
  ...(q.action ? { action: q.action } : {}),
  ...(q.organisationId ? { organisationId: q.organisationId } : {}),
  ...(q.language ? { language: q.language } : {}),
  ...(q.mode ? { mode: q.mode } : {}),
});
