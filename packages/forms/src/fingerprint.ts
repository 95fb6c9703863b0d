import type { FormDefinition } from './definition.types.js';

export function fingerprintForm(def: FormDefinition): string {
  void def;
  return '';
}
