import * as z from 'zod/mini';
import { isCountryCode } from './countries.js';
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
  hasControlCharacters,
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
 * Built-in checks (length, bounds, enum, e-mail) are translated from zod's
 * issue codes; custom failures go through z.refine with `params.ponte`
 * naming the catalogue message.
 *
 * NOTE: z.custom() and z.int() mark their issues as aborting,
 * which would silence the form-level checks (zod 4 runs a check with `when`
 * only if no issue is explicitly aborting), so neither is used.
 */

export type AnySchema = z.ZodMiniType<unknown, unknown>;

/** refine params carrying the catalogue key and its values to translateIssues */
export function failWith(key: MessageKey, values?: Record<string, unknown>, path?: PropertyKey[]) {
  return { params: { ponte: key, ...values }, ...(path ? { path } : {}) };
}

const printable = z.refine<string>((v) => !hasControlCharacters(v), failWith('error.controlCharacters'));

function boundedString(maxLength: number, minLength?: number) {
  const checks: z.core.$ZodCheck<string>[] = [z.maxLength(maxLength), printable];
  if (minLength !== undefined && minLength > 0) checks.push(z.minLength(minLength));
  return z.string().check(...checks);
}

function numberIn(min: number | undefined, max: number | undefined, integer: boolean) {
  const checks: z.core.$ZodCheck<number>[] = [];
  if (integer) checks.push(z.refine((n: number) => Number.isSafeInteger(n), failWith('error.notInteger')));
  if (min !== undefined) checks.push(z.gte(min));
  if (max !== undefined) checks.push(z.lte(max));
  return z.number().check(...checks);
}

/** date, time and datetime share the same shape: a format and string bounds that compare lexically */
function temporal(isValid: (value: string) => boolean, invalid: MessageKey, min?: string, max?: string) {
  const checks: z.core.$ZodCheck<string>[] = [z.refine(isValid, failWith(invalid))];
  if (min !== undefined) {
    checks.push(z.refine((v: string) => !isValid(v) || v >= min, failWith('error.tooEarly', { min })));
  }
  if (max !== undefined) {
    checks.push(z.refine((v: string) => !isValid(v) || v <= max, failWith('error.tooLate', { max })));
  }
  return z.string().check(...checks);
}

export const dateSchema = (min?: string, max?: string) => temporal(isIsoDate, 'error.date', min, max);
export const timeSchema = (min?: string, max?: string) => temporal(isIsoTime, 'error.time', min, max);
export const dateTimeSchema = (min?: string, max?: string) => temporal(isIsoDateTime, 'error.datetime', min, max);

/**
 * A list of chosen values: bounded, no value twice. An empty list never gets
 * here (it counts as missing), so a minimum of 1 is the required check's job.
 */
function choiceList<T>(item: z.ZodMiniType<T, unknown>, min: number | undefined, max: number, identity: (item: T) => unknown) {
  const checks: z.core.$ZodCheck<T[]>[] = [
    z.refine((items: T[]) => items.length <= max, failWith('error.tooManySelected', { max })),
    z.refine((items: T[]) => new Set(items.map(identity)).size === items.length, failWith('error.duplicate')),
  ];
  if (min !== undefined && min > 1) {
    checks.push(z.refine((items: T[]) => items.length >= min, failWith('error.tooFewSelected', { min })));
  }
  return z.array(item).check(...checks);
}

function itemList<T>(item: z.ZodMiniType<T, unknown>, min: number | undefined, max: number) {
  const checks: z.core.$ZodCheck<T[]>[] = [z.maxLength(max)];
  if (min !== undefined && min > 1) checks.push(z.minLength(min));
  return z.array(item).check(...checks);
}

function optionValues(options: readonly FieldOption[]): [string, ...string[]] {
  const values = options.map((o) => o.value);
  if (values.length === 0) throw new Error('A choice field needs at least one option.');
  return values as [string, ...string[]];
}

const languageSchema = z.strictObject({
  code: z.string().check(z.refine(isLanguageCode, failWith('error.language'))),
  variety: z.optional(boundedString(VARIETY_MAX_LENGTH)),
});

const countrySchema = z.string().check(z.refine(isCountryCode, failWith('error.country')));

function likertSchema(field: Pick<LikertField, 'points' | 'allowDontKnow'>): AnySchema {
  const points = field.points ?? DEFAULT_LIKERT_POINTS;
  const allowDontKnow = field.allowDontKnow === true;
  return z.unknown().check(
    z.refine((v: unknown) => isLikertValue(v, points, allowDontKnow), failWith('error.likert', { points })),
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
      return base.check(z.refine((v: string) => pattern.test(v), failWith('error.pattern')));
    }
    case 'textarea':
      return boundedString(field.maxLength, field.minLength);
    case 'email':
      return z.email().check(z.maxLength(EMAIL_MAX_LENGTH));
    case 'phone':
      return z.string().check(
        z.maxLength(PHONE_MAX_LENGTH),
        z.refine(isPhoneNumber, failWith('error.phone')),
      );
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
      return z.enum(optionValues(field.options));
    case 'multiselect':
      return choiceList(
        z.enum(optionValues(field.options)),
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
    case 'country':
      return field.multiple
        ? choiceList(countrySchema, undefined, field.maxSelected ?? DEFAULT_MAX_SELECTED, byValue)
        : countrySchema;
    case 'schoolLevel': {
      const levels = z.enum((field.levels ?? SCHOOL_LEVELS) as [string, ...string[]]);
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
      return z.string().check(
        z.maxLength(100),
        z.refine((v: string) => ORGANISATION_ID.test(v), failWith('error.invalid')),
      );
    case 'signature':
      return signatureSchema;
  }
}
