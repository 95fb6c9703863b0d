import type { FormDefinition } from './definition.types.js';

/** structural problems of a definition, empty when sound */
export function checkDefinition(def: FormDefinition): string[] {
  void def;
  return [];
}
