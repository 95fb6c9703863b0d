import type { LikertValue } from './definition.types.js';

/*
 * Value predicates shared by the compiler and the widgets, so that a widget
 * can check a value the way the server will.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** 'YYYY-MM-DD' naming a real calendar day */
export function isIsoDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** 'HH:MM', 00:00 to 23:59 */
export function isIsoTime(value: string): boolean {
  return TIME.test(value);
}

/** 'YYYY-MM-DDTHH:MM', a local wall-clock time without offset */
export function isIsoDateTime(value: string): boolean {
  const [date, time, ...rest] = value.split('T');
  return rest.length === 0 && date !== undefined && time !== undefined && isIsoDate(date) && isIsoTime(time);
}

/**
 * C0 controls but tab and line breaks, and DEL: never typed by a person,
 * unsafe to echo, and PostgreSQL cannot store a NUL in text or jsonb.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Half of a UTF-16 surrogate pair without the other half: not a character
 * at all. SQLite would store it as U+FFFD and PostgreSQL refuses it, so it
 * is refused before either sees it, the same way on both.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** what no typed text holds: control characters, or code units that are not Unicode at all */
export function hasIllFormedText(value: string): boolean {
  return CONTROL_CHARACTERS.test(value) || LONE_SURROGATE.test(value);
}

const PHONE_CHARS = /^\+?[0-9(][0-9 ./()-]*$/;

/** lenient on separators, strict on length: E.164 allows at most 15 digits */
export function isPhoneNumber(value: string): boolean {
  if (!PHONE_CHARS.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 6 && digits <= 15;
}

export function isLikertValue(value: unknown, points: number, allowDontKnow: boolean): value is LikertValue {
  if (value === 'dontKnow') return allowDontKnow;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= points;
}

export const DEFAULT_LIKERT_POINTS = 5;
/** bound of multiple language/country fields that set none */
export const DEFAULT_MAX_SELECTED = 20;
export const EMAIL_MAX_LENGTH = 254;
export const PHONE_MAX_LENGTH = 32;
export const VARIETY_MAX_LENGTH = 100;
export const SIGNATURE_NAME_MAX_LENGTH = 200;
