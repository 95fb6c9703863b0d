import type { Locale } from './locale.js';
import { message } from './messages.js';

export type SchoolLevel = 'servizi-0-6' | 'infanzia' | 'primaria' | 'secondaria-1' | 'secondaria-2' | 'cpia';

export const SCHOOL_LEVELS: readonly SchoolLevel[] = Object.freeze([
  'servizi-0-6',
  'infanzia',
  'primaria',
  'secondaria-1',
  'secondaria-2',
  'cpia',
] as const);

export function isSchoolLevel(value: unknown): value is SchoolLevel {
  return typeof value === 'string' && (SCHOOL_LEVELS as readonly string[]).includes(value);
}

export function schoolLevelLabel(level: SchoolLevel, locale: Locale): string {
  return message(`schoolLevel.${level}`, locale);
}
