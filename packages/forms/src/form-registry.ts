import type { FormDefinition } from './definition.types.js';

const FORMS: readonly FormDefinition[] = [];

/** the newest version of each form */
export function listForms(): FormDefinition[] {
  return [...FORMS];
}

/** undefined when unknown; the newest version when `version` is omitted */
export function getForm(id: string, version?: number): FormDefinition | undefined {
  void id; void version;
  return undefined;
}

export function listFormVersions(id: string): number[] {
  void id;
  return [];
}
