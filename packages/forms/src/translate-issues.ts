import type { FieldErrors } from './definition.types.js';
import type { Locale } from './locale.js';

export const FORM_ERROR_PATH = '';

export interface TranslatableIssue {
  readonly path: readonly PropertyKey[];
  readonly code: string;
  readonly message: string;
  readonly [k: string]: unknown;
}

export function translateIssues(
  issues: readonly TranslatableIssue[],
  locale: Locale,
  labelFor?: (path: string) => string | undefined,
): FieldErrors {
  void issues; void locale; void labelFor;
  return {};
}
