import type { FormDefinition } from './definition.types.js';
import { ethnoclinicalRequestV1 } from './forms/ethnoclinical-request.v1.js';
import { schoolQuestionnaireV1 } from './forms/school-questionnaire.v1.js';
import { schoolReportV1 } from './forms/school-report.v1.js';
import { schoolReportV2 } from './forms/school-report.v2.js';
import { schoolRequestV1 } from './forms/school-request.v1.js';
import { serviceReportV1 } from './forms/service-report.v1.js';
import { serviceReportV2 } from './forms/service-report.v2.js';
import { serviceRequestV1 } from './forms/service-request.v1.js';

/** every released version of every built-in form; a new version is appended, never edited in place */
export const FORM_VERSIONS: readonly FormDefinition[] = Object.freeze([
  schoolRequestV1,
  schoolReportV1,
  serviceRequestV1,
  serviceReportV1,
  ethnoclinicalRequestV1,
  schoolQuestionnaireV1,
  schoolReportV2,
  serviceReportV2,
]);

function versionsOf(id: string): FormDefinition[] {
  return FORM_VERSIONS.filter((def) => def.id === id).sort((a, b) => a.version - b.version);
}

/** the newest version of each of the six forms */
export function listForms(): FormDefinition[] {
  const newest = new Map<string, FormDefinition>();
  for (const def of FORM_VERSIONS) {
    const known = newest.get(def.id);
    if (!known || def.version > known.version) newest.set(def.id, def);
  }
  return [...newest.values()];
}

/** undefined when unknown; the newest version when `version` is omitted */
export function getForm(id: string, version?: number): FormDefinition | undefined {
  const versions = versionsOf(id);
  return version === undefined ? versions.at(-1) : versions.find((def) => def.version === version);
}

/** ascending; empty for an unknown id */
export function listFormVersions(id: string): number[] {
  return versionsOf(id).map((def) => def.version);
}
