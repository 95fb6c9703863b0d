import { SAMPLE_SUBMISSIONS, type FormId } from '@ponte/forms';
import type { PonteOutputs } from '@ponte/sdk';

export type Definition = PonteOutputs['forms']['get'];
export type Field = Definition['sections'][number]['fields'][number];

export function topLevelFields(def: Definition): Field[] {
  return def.sections.flatMap((section) => [...section.fields]);
}

/** The sample data of a form, with its organisation field (if any) naming the sender. */
export function sampleFrom(def: Definition, organisationId: string): Record<string, unknown> {
  const data = structuredClone(SAMPLE_SUBMISSIONS[def.id as FormId]) as Record<string, unknown>;
  for (const field of topLevelFields(def)) {
    if (field.kind === 'organisation') data[field.key] = organisationId;
  }
  return data;
}

/** A required field shown whatever the answers, present in `data`: leaving it out must fail. */
export function alwaysRequiredField(def: Definition, data: Record<string, unknown>): Field {
  const field = def.sections
    .filter((section) => !section.when)
    .flatMap((section) => [...section.fields])
    .find((f) => f.required && !f.when && f.kind !== 'organisation' && f.key in data);
  if (!field) throw new Error(`${def.id}: no unconditionally required field in the sample to leave out`);
  return field;
}
