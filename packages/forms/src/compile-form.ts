import { z } from 'zod/mini';
import type { FormDefinition } from './definition.types.js';

/** parses a submission; the output is the cleaned data (trimmed, hidden values dropped, derived flags added) */
export type FormSchema = z.ZodMiniType<Record<string, unknown>, unknown>;

export function thirdCountryKey(countryKey: string): string {
  return `${countryKey}ThirdCountry`;
}

export function compileForm(def: FormDefinition): FormSchema {
  void def;
  return z.record(z.string(), z.unknown());
}
