/*
 * A.4 – Scheda report servizi, version 2: version 1 with beneficiary rows
 * that can be counted once, as A.2 version 2 (report-fields.ts
 * beneficiaryRowsField).
 */
import { defineForm } from '../define-form.js';
import { withBeneficiaryRows } from './report-fields.js';
import { serviceReportV1 } from './service-report.v1.js';

export const serviceReportV2 = defineForm(withBeneficiaryRows(serviceReportV1, 2));
