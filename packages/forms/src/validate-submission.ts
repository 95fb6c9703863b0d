import type { FormDefinition, ValidationResult } from './definition.types.js';
import type { Locale } from './locale.js';

export function fieldLabelFor(def: FormDefinition, path: string, locale: Locale): string | undefined {
  void def; void path; void locale;
  return undefined;
}

export function validateSubmission(def: FormDefinition, data: unknown, locale: Locale): ValidationResult {
  void def; void locale;
  return { ok: true, data: data as Record<string, unknown> };
}
