import { PonteEthnoclinicalRequest } from './ethnoclinical-request/ponte-ethnoclinical-request.component.js';
import { PonteSchoolQuestionnaire } from './school-questionnaire/ponte-school-questionnaire.component.js';
import { PonteSchoolReport } from './school-report/ponte-school-report.component.js';
import { PonteSchoolRequest } from './school-request/ponte-school-request.component.js';
import { PonteServiceReport } from './service-report/ponte-service-report.component.js';
import { PonteServiceRequest } from './service-request/ponte-service-request.component.js';

/** The six form widgets by tag (their entries'): what ponte.js import()s of the form chunk. */
export const forms: Record<string, CustomElementConstructor> = {
  'ponte-school-request': PonteSchoolRequest,
  'ponte-school-report': PonteSchoolReport,
  'ponte-service-request': PonteServiceRequest,
  'ponte-service-report': PonteServiceReport,
  'ponte-ethnoclinical-request': PonteEthnoclinicalRequest,
  'ponte-school-questionnaire': PonteSchoolQuestionnaire,
};
