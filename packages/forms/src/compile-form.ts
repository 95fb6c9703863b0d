import * as z from 'zod/mini';
import { isThirdCountry } from './countries.js';
import type { FieldDefinition, FormDefinition } from './definition.types.js';
import { fieldSchema } from './field-schemas.js';
import { formLevelCheck } from './form-checks.js';
import { isRecord, normalizeSubmission } from './normalize-submission.js';

/** parses a submission; the output is the cleaned data (trimmed, hidden values dropped, derived flags added) */
export type FormSchema = z.ZodMiniType<Record<string, unknown>, unknown>;

/** the derived output key of a single-valued country field: citizenship → citizenshipThirdCountry */
export function thirdCountryKey(countryKey: string): string {
  return `${countryKey}ThirdCountry`;
}

function isSingleCountry(field: FieldDefinition): boolean {
  return field.kind === 'country' && field.multiple !== true;
}

function withThirdCountryFlags(fields: readonly FieldDefinition[], data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...data };
  for (const field of fields) {
    const value = data[field.key];
    if (isSingleCountry(field) && typeof value === 'string') {
      out[thirdCountryKey(field.key)] = isThirdCountry(value);
    } else if (field.kind === 'group' && Array.isArray(value)) {
      out[field.key] = value.map((item: unknown) => (isRecord(item) ? withThirdCountryFlags(field.fields, item) : item));
    }
  }
  return out;
}

/**
 * The data without its derived flags, as a client would send it: for
 * validating stored data again (a report that gets its countersignature),
 * since the compiled schema rejects derived keys as unknown input.
 */
export function withoutDerivedFields(def: FormDefinition, data: Record<string, unknown>): Record<string, unknown> {
  const strip = (fields: readonly FieldDefinition[], record: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...record };
    for (const field of fields) {
      if (isSingleCountry(field)) delete out[thirdCountryKey(field.key)];
      const value = record[field.key];
      if (field.kind === 'group' && Array.isArray(value)) {
        out[field.key] = value.map((item: unknown) => (isRecord(item) ? strip(field.fields, item) : item));
      }
    }
    return out;
  };
  return strip(def.sections.flatMap((s) => s.fields), data);
}

const compiled = new WeakMap<FormDefinition, FormSchema>();

/**
 * One schema per definition, cached per definition object:
 * normalize (trim, drop blanks and hidden values) → strict object typed by
 * field kind, with the form-level check (required when visible, cross-field
 * rules) → add derived third-country flags.
 */
export function compileForm(def: FormDefinition): FormSchema {
  const cached = compiled.get(def);
  if (cached) return cached;
  const fields = def.sections.flatMap((s) => s.fields);
  const shape = Object.fromEntries(fields.map((f) => [f.key, z.optional(fieldSchema(f))]));
  const schema = z.pipe(
    z.pipe(
      z.transform((input: unknown) => normalizeSubmission(def, input)),
      z.strictObject(shape).check(formLevelCheck(def)),
    ),
    z.transform((data: Record<string, unknown>) => withThirdCountryFlags(fields, data)),
  );
  compiled.set(def, schema);
  return schema;
}
