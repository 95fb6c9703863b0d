import type { FormId } from './definition.types.js';

export const SAMPLE_SUBMISSIONS: Readonly<Record<FormId, Readonly<Record<string, unknown>>>> = {
  'school-request': {},
  'school-report': {},
  'service-request': {},
  'service-report': {},
  'ethnoclinical-request': {},
  'school-questionnaire': {},
};
