/*
 * A.2 – Scheda report scuole, version 2: version 1 with beneficiary rows that
 * can be counted once (report-fields.ts beneficiaryRowsField: the person's
 * code, every citizenship, stateless apart from unknown). Reports filed
 * under version 1 keep their data and are read with its rules.
 */
import { defineForm } from '../define-form.js';
import { withBeneficiaryRows } from './report-fields.js';
import { schoolReportV1 } from './school-report.v1.js';

export const schoolReportV2 = defineForm(withBeneficiaryRows(schoolReportV1, 2));
