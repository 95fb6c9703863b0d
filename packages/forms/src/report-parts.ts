import type { FieldDefinition, FormDefinition, SectionDefinition } from './definition.types.js';

/** The mediator's own signature on a report (A.2, A.4): every other signature is the requester's countersignature. */
export const MEDIATOR_SIGNATURE = 'mediatorSignature';

const isCountersignature = (f: FieldDefinition) => f.kind === 'signature' && f.key !== MEDIATOR_SIGNATURE;

/** The section of a report its requester fills when countersigning: the one holding their signature. */
export function countersignSection(def: FormDefinition): { section: SectionDefinition; signature: string } | undefined {
  const section = def.sections.find((s) => s.fields.some(isCountersignature));
  const signature = section?.fields.find(isCountersignature)?.key;
  return section && signature ? { section, signature } : undefined;
}

/** A report form as its mediator files it: without the countersignature's section, which the requester fills later. */
export function mediatorReportForm(def: FormDefinition): FormDefinition {
  const part = countersignSection(def);
  return part ? { ...def, sections: def.sections.filter((s) => s !== part.section) } : def;
}
