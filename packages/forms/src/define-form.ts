import type { FieldOption, FormDefinition } from './definition.types.js';
import type { LocalizedText } from './locale.js';

/** Freezes `value` and everything it holds, so that nobody who shares it can change it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Marks a built-in definition as released: frozen, so no consumer can change
 * a version that submissions already refer to. Its structure is checked by
 * the test suite (checkDefinition) rather than here, to keep that code out
 * of the widgets' load path.
 */
export function defineForm(def: FormDefinition): FormDefinition {
  return deepFreeze(def);
}

/** shorthand for the definitions' many bilingual texts */
export function t(it: string, en: string): LocalizedText {
  return { it, en };
}

export function option(value: string, it: string, en: string): FieldOption {
  return { value, label: { it, en } };
}
