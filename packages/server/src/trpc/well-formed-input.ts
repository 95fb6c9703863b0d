import { hasIllFormedText, message, type FieldErrors, type Locale } from '@ponte/forms';
import { DomainError } from '../domain-error.js';

/** Deeper than any procedure's input nests. */
const MAX_DEPTH = 32;

/**
 * The path of the first string (or object key) in `input` that holds a
 * control character or a lone UTF-16 surrogate; '' for the input itself,
 * null when there is none. A bad key is named by the path of its object,
 * so that what is echoed back is never the bad text itself.
 */
export function firstIllFormedText(input: unknown): string | null {
  // Each value with the way to it, the path spelled only for the one found.
  const stack: Visit[] = [{ value: input, key: '', parent: undefined, depth: 0 }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value, depth } = visit;
    if (typeof value === 'string') {
      if (hasIllFormedText(value)) return pathOf(visit);
      continue;
    }
    // Deeper than any procedure reads: its own schema refuses the shape.
    if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) continue;
    for (const [key, item] of Object.entries(value)) {
      if (hasIllFormedText(key)) return pathOf(visit);
      stack.push({ value: item, key, parent: visit, depth: depth + 1 });
    }
  }
  return null;
}

interface Visit {
  value: unknown;
  key: string;
  parent: Visit | undefined;
  depth: number;
}

/** 'data.beneficiaries.0.name': the keys from the input down to `visit`. */
function pathOf(visit: Visit): string {
  const keys: string[] = [];
  for (let v: Visit | undefined = visit; v?.parent; v = v.parent) keys.push(v.key);
  return keys.reverse().join('.');
}

/**
 * Refuses, before any procedure reads it, an input holding text that no
 * person types and that the databases store differently (SQLite turns a
 * lone surrogate into U+FFFD, PostgreSQL refuses it; neither takes a NUL in
 * jsonb): one rule for every procedure, located at the field.
 */
export function refuseIllFormedText(input: unknown, locale: Locale): void {
  const found = firstIllFormedText(input);
  if (found === null) return;
  // A form's answers (`data` of submissions.submit, reports.file) are named as the form names its fields.
  const path = found === 'data' ? '' : found.startsWith('data.') ? found.slice('data.'.length) : found;
  const text = message('error.controlCharacters', locale);
  const errors: FieldErrors = { [path]: text.charAt(0).toLocaleUpperCase(locale) + text.slice(1) };
  throw new DomainError('BAD_REQUEST', 'textNotWellFormed', { fields: path || '—' }, errors);
}
