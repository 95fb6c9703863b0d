import type { FieldErrors } from './definition.types.js';
import { isIsoDate, isIsoDateTime } from './field-values.js';
import type { Locale, LocalizedText } from './locale.js';
import { interpolate, isMessageKey, message, type MessageKey } from './messages.js';

/** the FieldErrors key of a problem with the submission as a whole (not an object, …) */
export const FORM_ERROR_PATH = '';

/** the part of a zod issue this module reads; any zod 4 issue fits */
export interface TranslatableIssue {
  readonly path: readonly PropertyKey[];
  readonly code: string;
  readonly message: string;
}

/** zod's issue interfaces carry no index signature, so the other properties are read through this view */
function prop(issue: TranslatableIssue, name: string): unknown {
  return (issue as unknown as Record<string, unknown>)[name];
}

export function joinPath(path: readonly PropertyKey[]): string {
  return path.map((segment) => (typeof segment === 'symbol' ? (segment.description ?? '') : String(segment))).join('.');
}

function isLocalizedText(value: unknown): value is LocalizedText {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as LocalizedText).it === 'string' &&
    typeof (value as LocalizedText).en === 'string'
  );
}

/** dates are spelled out (1 settembre 2025) so that neither reader mistakes day for month */
function formatParam(value: unknown, locale: Locale): string | number | undefined {
  if (typeof value === 'number') return value;
  if (isLocalizedText(value)) return value[locale];
  if (typeof value !== 'string') return undefined;
  if (isIsoDate(value)) {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.parse(`${value}T00:00Z`));
  }
  if (isIsoDateTime(value)) {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(
      Date.parse(`${value}Z`),
    );
  }
  return value;
}

function formatParams(source: Record<string, unknown>, locale: Locale): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(source)) {
    const formatted = formatParam(value, locale);
    if (formatted !== undefined) params[name] = formatted;
  }
  return params;
}

const TYPE_KEYS: Record<string, MessageKey> = {
  string: 'error.notText',
  number: 'error.notNumber',
  int: 'error.notInteger',
  bigint: 'error.notInteger',
  boolean: 'error.notBoolean',
  array: 'error.notList',
  tuple: 'error.notList',
  object: 'error.notObject',
  record: 'error.notObject',
};

/**
 * Whether an invalid_type issue is about a missing value. Zod reports the
 * input only when parsing with `reportInput: true`; otherwise full zod's
 * English message still says "received undefined". With neither, the issue
 * is read as a wrong type.
 */
function isMissing(issue: TranslatableIssue): boolean {
  if ('input' in issue) return prop(issue, 'input') === undefined;
  return /received undefined/.test(issue.message);
}

function bound(issue: TranslatableIssue, name: 'minimum' | 'maximum'): number | string {
  const value = prop(issue, name);
  return typeof value === 'bigint' ? value.toString() : typeof value === 'number' ? value : String(value);
}

type IssueText = (issue: TranslatableIssue, locale: Locale) => string;

/** a missing value or a wrong type; any other zod issue is an invalid value */
const typeIssueText: IssueText = (issue, locale) => {
  if (issue.code !== 'invalid_type') return message('error.invalid', locale);
  if (isMissing(issue)) return message('error.required', locale);
  return message(TYPE_KEYS[String(prop(issue, 'expected'))] ?? 'error.invalid', locale);
};

/** every zod issue: types, and the bounds, formats and choices of zod's built-in checks */
const zodIssueText: IssueText = (issue, locale) => {
  const origin = prop(issue, 'origin');
  switch (issue.code) {
    case 'too_small': {
      const min = bound(issue, 'minimum');
      if (origin === 'string') return message('error.tooShort', locale, { min });
      if (origin === 'array' || origin === 'set') return message('error.tooFewItems', locale, { min });
      if (origin === 'date') return message('error.tooEarly', locale, { min });
      return message('error.belowMin', locale, { min });
    }
    case 'too_big': {
      const max = bound(issue, 'maximum');
      if (origin === 'string') return message('error.tooLong', locale, { max });
      if (origin === 'array' || origin === 'set') return message('error.tooManyItems', locale, { max });
      if (origin === 'date') return message('error.tooLate', locale, { max });
      return message('error.aboveMax', locale, { max });
    }
    case 'invalid_format':
      switch (prop(issue, 'format')) {
        case 'email':
          return message('error.email', locale);
        case 'date':
          return message('error.date', locale);
        case 'time':
          return message('error.time', locale);
        case 'datetime':
          return message('error.datetime', locale);
        default:
          return message('error.pattern', locale);
      }
    case 'invalid_value':
      return message('error.option', locale);
    default:
      return typeIssueText(issue, locale);
  }
};

/** Ponte's own issues name their catalogue entry (or carry their own text) in `params` */
function ponteIssueText(issue: TranslatableIssue, locale: Locale): string | undefined {
  const params = prop(issue, 'params');
  if (params === null || typeof params !== 'object') return undefined;
  const { ponte, ponteText, ...values } = params as Record<string, unknown>;
  if (isLocalizedText(ponteText)) return interpolate(ponteText[locale], locale, formatParams(values, locale));
  if (typeof ponte === 'string' && isMessageKey(ponte)) return message(ponte, locale, formatParams(values, locale));
  return undefined;
}

/** control and bidi-override characters of a key would garble or spoof the message that names it */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function withLabel(label: string | undefined, text: string): string {
  return label ? `${label}: ${text}` : capitalize(text);
}

/**
 * Zod issues → one localized message per field path, naming the field by
 * `labelFor` when it knows the path («Docente richiedente: campo
 * obbligatorio.»). The first issue of a path wins. Unknown keys are reported
 * each at its own path. Never returns zod's English defaults.
 */
export function translateIssues(
  issues: readonly TranslatableIssue[],
  locale: Locale,
  labelFor?: (path: string) => string | undefined,
): FieldErrors {
  return translate(issues, locale, labelFor, zodIssueText);
}

/**
 * translateIssues for the issues of a compiled form, which are Ponte's own
 * (every check of field-schemas.ts names its message), unknown keys and
 * wrong types. NOTE: so that the widget bundle, which validates forms only,
 * carries no texts for zod's other issue codes (the library's gzip budget,
 * docs/architecture.md#bundles-and-budgets).
 */
export function translateFormIssues(
  issues: readonly TranslatableIssue[],
  locale: Locale,
  labelFor: (path: string) => string | undefined,
): FieldErrors {
  return translate(issues, locale, labelFor, typeIssueText);
}

function translate(
  issues: readonly TranslatableIssue[],
  locale: Locale,
  labelFor: ((path: string) => string | undefined) | undefined,
  zodText: IssueText,
): FieldErrors {
  const errors: FieldErrors = {};
  const set = (path: string, text: (label: string | undefined) => string) => {
    if (Object.hasOwn(errors, path)) return;
    // defineProperty, not assignment: a '__proto__' path must become a key, not a prototype
    Object.defineProperty(errors, path, { value: text(labelFor?.(path)), enumerable: true, writable: true, configurable: true });
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' && Array.isArray(prop(issue, 'keys'))) {
      const parent = issue.path.length > 0 ? labelFor?.(joinPath(issue.path)) : undefined;
      for (const key of prop(issue, 'keys') as unknown[]) {
        const path = joinPath([...issue.path, String(key)]);
        const fallback = printable(parent ? `${parent} — ${String(key)}` : path);
        set(path, (label) => withLabel(label ?? fallback, message('error.unknownField', locale)));
      }
      continue;
    }
    set(joinPath(issue.path), (label) => withLabel(label, ponteIssueText(issue, locale) ?? zodText(issue, locale)));
  }
  return errors;
}
