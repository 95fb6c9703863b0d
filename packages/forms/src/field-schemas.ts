import * as z from 'zod/mini';
import { STATELESS, isCountryCode } from './countries.js';
import type {
  FieldDefinition,
  FieldOption,
  GroupChildField,
  LikertField,
  LikertMatrixField,
} from './definition.types.js';
import {
  DEFAULT_LIKERT_POINTS,
  DEFAULT_MAX_SELECTED,
  EMAIL_MAX_LENGTH,
  hasIllFormedText,
  PHONE_MAX_LENGTH,
  SIGNATURE_NAME_MAX_LENGTH,
  VARIETY_MAX_LENGTH,
  isIsoDate,
  isIsoDateTime,
  isIsoTime,
  isLikertValue,
  isPhoneNumber,
} from './field-values.js';
import { isLanguageCode } from './languages.js';
import type { MessageKey } from './messages.js';
import { SCHOOL_LEVELS } from './school-levels.js';

/*
 * One zod/mini schema per field kind. Every value is optional here: whether
 * a field is required depends on its visibility, which only the whole
 * submission knows, so required-ness is checked by the form-level check.
 *
 * Every check is a rule() naming its catalogue message in `params.ponte`
 * (translateIssues reads it), bounds and choices included.
 * NOTE: zod's built-in checks (z.maxLength, z.gte, z.enum, z.email) would
 * say the same through issue codes that translateIssues maps to the same
 * messages, but each brings its own check class into the widget bundle:
 * some 900 bytes gzip in all (the library's gzip budget,
 * docs/architecture.md#bundles-and-budgets). The rules below
 * keep their semantics: lengths in code points, inclusive bounds, zod's own
 * e-mail pattern, and the same order of checks, so the first message of a
 * field is the one it was.
 *
 * NOTE: z.custom() and z.int() mark their issues as aborting,
 * which would silence the form-level checks (zod 4 runs a check with `when`
 * only if no issue is explicitly aborting), so neither is used.
 */

export type AnySchema = z.ZodMiniType<unknown, unknown>;

/**
 * A check that fails with the catalogue message `key` (and its values) when
 * `ok` answers false. NOTE: a z.superRefine, as the form-level check is,
 * rather than a z.refine, which would make each check a schema of its own
 * and bring zod's custom schema class into the widget bundle as well (some
 * 140 bytes gzip, against the same budget) for the same issue.
 */
function rule<T>(ok: (value: T) => boolean, key: MessageKey, values?: Record<string, unknown>): z.core.$ZodCheck<T> {
  return z.superRefine<T>((value, ctx) => {
    if (!ok(value)) ctx.addIssue({ code: 'custom', message: key, params: { ponte: key, ...values } });
  });
}

const printable = rule<string>((v) => !hasIllFormedText(v), 'error.controlCharacters');

/** a string's length as zod counts it: in code points, so an emoji is one character */
const length = (v: string) => [...v].length;

const atMostChars = (max: number) => rule<string>((v) => length(v) <= max, 'error.tooLong', { max });

function boundedString(maxLength: number, minLength?: number) {
  const checks: z.core.$ZodCheck<string>[] = [atMostChars(maxLength), printable];
  if (minLength !== undefined && minLength > 0) {
    checks.push(rule((v: string) => length(v) >= minLength, 'error.tooShort', { min: minLength }));
  }
  return z.string().check(...checks);
}

function numberIn(min: number | undefined, max: number | undefined, integer: boolean) {
  const checks: z.core.$ZodCheck<number>[] = [];
  if (integer) checks.push(rule((n: number) => Number.isSafeInteger(n), 'error.notInteger'));
  if (min !== undefined) checks.push(rule((n: number) => n >= min, 'error.belowMin', { min }));
  if (max !== undefined) checks.push(rule((n: number) => n <= max, 'error.aboveMax', { max }));
  return z.number().check(...checks);
}

/** one of the given values, which are strings; any other value, of any type, is not one of the choices */
const oneOf = (values: readonly string[]) =>
  z.unknown().check(rule((v) => values.includes(v as string), 'error.option'));

/** date, time and datetime share the same shape: a format and string bounds that compare lexically */
function temporal(isValid: (value: string) => boolean, invalid: MessageKey, min?: string, max?: string) {
  const checks: z.core.$ZodCheck<string>[] = [rule(isValid, invalid)];
  if (min !== undefined) {
    checks.push(rule((v: string) => !isValid(v) || v >= min, 'error.tooEarly', { min }));
  }
  if (max !== undefined) {
    checks.push(rule((v: string) => !isValid(v) || v <= max, 'error.tooLate', { max }));
  }
  return z.string().check(...checks);
}

/**
 * The dates a form takes when its definition sets no bounds: a birth in the
 * last century to a meeting in this one. A year 3000 is a slip of the
 * keyboard, and the server's own dates hold to the same end.
 */
export const FORM_DATE_RANGE = { min: '1900-01-01', max: '2099-12-31' } as const;

export const dateSchema = (min: string = FORM_DATE_RANGE.min, max: string = FORM_DATE_RANGE.max) => temporal(isIsoDate, 'error.date', min, max);
export const timeSchema = (min?: string, max?: string) => temporal(isIsoTime, 'error.time', min, max);
export const dateTimeSchema = (min: string = `${FORM_DATE_RANGE.min}T00:00`, max: string = `${FORM_DATE_RANGE.max}T23:59`) =>
  temporal(isIsoDateTime, 'error.datetime', min, max);

/**
 * A list of chosen values: bounded, no value twice. An empty list never gets
 * here (it counts as missing), so a minimum of 1 is the required check's job.
 */
function choiceList<T>(item: z.ZodMiniType<T, unknown>, min: number | undefined, max: number, identity: (item: T) => unknown) {
  const checks: z.core.$ZodCheck<T[]>[] = [rule((items: T[]) => new Set(items.map(identity)).size === items.length, 'error.duplicate')];
  if (min !== undefined && min > 1) {
    checks.push(rule((items: T[]) => items.length >= min, 'error.tooFewSelected', { min }));
  }
  return atMostItems(max, 'error.tooManySelected', z.array(item).check(...checks));
}

function itemList<T>(item: z.ZodMiniType<T, unknown>, min: number | undefined, max: number) {
  const checks: z.core.$ZodCheck<T[]>[] = [];
  if (min !== undefined && min > 1) {
    checks.push(rule((items: T[]) => items.length >= min, 'error.tooFewItems', { min }));
  }
  return atMostItems(max, 'error.tooManyItems', z.array(item).check(...checks));
}

/**
 * A list's length, judged before its items: zod judges every item first,
 * so 100 000 wrong items sent at once would cost 100 000 issues (seconds
 * of work) before the one that matters, "too many".
 */
function atMostItems<T>(max: number, key: MessageKey, list: z.ZodMiniType<T[], unknown>) {
  return z.pipe(z.unknown().check(rule((v: unknown) => !Array.isArray(v) || v.length <= max, key, { max })), list);
}

function optionValues(options: readonly FieldOption[]): string[] {
  const values = options.map((o) => o.value);
  if (values.length === 0) throw new Error('A choice field needs at least one option.');
  return values;
}

const languageSchema = z.strictObject({
  code: z.string().check(rule(isLanguageCode, 'error.language')),
  variety: z.optional(boundedString(VARIETY_MAX_LENGTH)),
});

const countrySchema = z.string().check(rule(isCountryCode, 'error.country'));
const countryOnlySchema = z.string().check(rule((code: string) => code !== STATELESS && isCountryCode(code), 'error.country'));

function likertSchema(field: Pick<LikertField, 'points' | 'allowDontKnow'>): AnySchema {
  const points = field.points ?? DEFAULT_LIKERT_POINTS;
  const allowDontKnow = field.allowDontKnow === true;
  return z.unknown().check(
    rule((v: unknown) => isLikertValue(v, points, allowDontKnow), 'error.likert', { points }),
  );
}

function likertMatrixSchema(field: LikertMatrixField): AnySchema {
  const row = likertSchema(field);
  return z.strictObject(Object.fromEntries(field.rows.map((r) => [r.key, z.optional(row)])));
}

const ORGANISATION_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

const timeSlotSchema = z
  .strictObject({
    date: z.optional(dateSchema()),
    from: z.optional(timeSchema()),
    to: z.optional(timeSchema()),
  })
  .check(
    z.superRefine((slot, ctx) => {
      for (const part of ['date', 'from', 'to'] as const) {
        if (slot[part] === undefined) {
          ctx.addIssue({ code: 'custom', path: [part], message: 'error.required', params: { ponte: 'error.required' } });
        }
      }
      const { from, to } = slot;
      if (from !== undefined && to !== undefined && isIsoTime(from) && isIsoTime(to) && to <= from) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'error.timeOrder', params: { ponte: 'error.timeOrder' } });
      }
    }),
  );

const signatureSchema = z
  .strictObject({
    name: z.optional(boundedString(SIGNATURE_NAME_MAX_LENGTH)),
    confirmed: z.optional(z.boolean()),
  })
  .check(
    z.superRefine((signature, ctx) => {
      if (signature.name === undefined) {
        ctx.addIssue({ code: 'custom', path: ['name'], message: 'error.required', params: { ponte: 'error.required' } });
      }
      if (signature.confirmed !== true) {
        ctx.addIssue({ code: 'custom', path: ['confirmed'], message: 'error.signature', params: { ponte: 'error.signature' } });
      }
    }),
  );

function groupItemSchema(fields: readonly GroupChildField[]): AnySchema {
  return z.strictObject(Object.fromEntries(fields.map((f) => [f.key, z.optional(fieldSchema(f))])));
}

const byValue = (v: unknown) => v;
const byLanguage = (v: { code: string; variety?: string | undefined }) => `${v.code}/${v.variety ?? ''}`;

export function fieldSchema(field: FieldDefinition): AnySchema {
  switch (field.kind) {
    case 'text': {
      const base = boundedString(field.maxLength, field.minLength);
      if (field.pattern === undefined) return base;
      const pattern = new RegExp(`^(?:${field.pattern})$`, 'u');
      return base.check(rule((v: string) => pattern.test(v), 'error.pattern'));
    }
    case 'textarea':
      return boundedString(field.maxLength, field.minLength);
    case 'email':
      return z.string().check(
        rule((v: string) => z.regexes.email.test(v), 'error.email'),
        atMostChars(EMAIL_MAX_LENGTH),
      );
    case 'phone':
      return z.string().check(atMostChars(PHONE_MAX_LENGTH), rule(isPhoneNumber, 'error.phone'));
    case 'integer':
    case 'duration':
      return numberIn(field.min, field.max, true);
    case 'decimal':
      return numberIn(field.min, field.max, false);
    case 'date':
      return dateSchema(field.min, field.max);
    case 'time':
      return timeSchema(field.min, field.max);
    case 'datetime':
      return dateTimeSchema(field.min, field.max);
    case 'select':
    case 'radio':
      return oneOf(optionValues(field.options));
    case 'multiselect':
      return choiceList(
        oneOf(optionValues(field.options)),
        field.minSelected,
        field.maxSelected ?? field.options.length,
        byValue,
      );
    case 'checkbox':
    case 'consent':
      return z.boolean();
    case 'language':
      return field.multiple
        ? choiceList(languageSchema, undefined, field.maxSelected ?? DEFAULT_MAX_SELECTED, byLanguage)
        : languageSchema;
    case 'country': {
      const country = field.countriesOnly ? countryOnlySchema : countrySchema;
      return field.multiple ? choiceList(country, undefined, field.maxSelected ?? DEFAULT_MAX_SELECTED, byValue) : country;
    }
    case 'schoolLevel': {
      const levels = oneOf(field.levels ?? SCHOOL_LEVELS);
      return field.multiple
        ? choiceList(levels, field.minSelected, field.maxSelected ?? (field.levels ?? SCHOOL_LEVELS).length, byValue)
        : levels;
    }
    case 'likert':
      return likertSchema(field);
    case 'likertMatrix':
      return likertMatrixSchema(field);
    case 'group':
      return itemList(groupItemSchema(field.fields), field.minItems, field.maxItems);
    case 'timeSlots':
      return itemList(timeSlotSchema, field.minItems, field.maxItems);
    case 'organisation':
      return z.string().check(atMostChars(100), rule((v: string) => ORGANISATION_ID.test(v), 'error.invalid'));
    case 'signature':
      return signatureSchema;
  }
}
