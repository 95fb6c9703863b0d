import type { FormDefinition, FormMeaning } from '@ponte/forms';
import { topFields } from './form-paths.js';

/** Answers prefilled by field key; an empty one (no school code, no session, no hours) is left for the user. */
export type Prefill = Record<string, string | number | null | undefined>;
/** how a form is prefilled, once what its fields mean (@ponte/forms meaning.ts) is known */
export type Prefiller = (meaning: FormMeaning | undefined) => Prefill;

/** a new form's answers: the sending organisation, what `prefill` gives, and the minimum number of items of lists */
export function initialAnswers(def: FormDefinition | undefined, organisationId: string | undefined, prefill: Prefill): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of def ? topFields(def) : []) {
    if (field.kind === 'organisation' && organisationId) data[field.key] = organisationId;
    if ((field.kind === 'group' || field.kind === 'timeSlots') && field.minItems) {
      data[field.key] = Array.from({ length: field.minItems }, () => ({}));
    }
    const value = Object.hasOwn(prefill, field.key) && prefill[field.key];
    // A choice is prefilled only with one of its options (a school year the form does not list yet is left to choose).
    const offered = !('options' in field) || field.options.some((o) => o.value === value);
    if (value && offered) data[field.key] = value;
  }
  return data;
}
