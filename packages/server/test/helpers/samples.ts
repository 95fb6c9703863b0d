import { getForm, SAMPLE_SUBMISSIONS, type FormId } from '@ponte/forms';

/** A valid sample of a form, with its organisation fields naming the organisation that sends it. */
export function sampleFor(formId: FormId, organisationId: string): Record<string, unknown> {
  const data: Record<string, unknown> = structuredClone({ ...SAMPLE_SUBMISSIONS[formId] });
  for (const section of getForm(formId)!.sections) {
    for (const field of section.fields) {
      if (field.kind === 'organisation') data[field.key] = organisationId;
    }
  }
  return data;
}
