import { formMeaning } from '@ponte/forms';
import type { Report } from './report.repository.js';

/*
 * Who was present at a held session and the referent's rating, as numbers
 * kept on the report (docs/architecture.md#reach-and-satisfaction), read
 * with the meaning of the report's own form version; set with every write
 * of the report, in the same statement.
 */

export interface ReportPresence {
  family_present: number;
  teachers_present: number;
  operators_present: number;
  rating: number | null;
}

const count = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0);

export function presenceOf(report: Pick<Report, 'formId' | 'formVersion' | 'outcome' | 'data'>): ReportPresence {
  const meaning = formMeaning(report.formId, report.formVersion);
  if (report.outcome !== 'held' || meaning?.kind !== 'report') return { family_present: 0, teachers_present: 0, operators_present: 0, rating: null };
  const { participants, rating } = meaning;
  const given = report.data[rating];
  return {
    family_present: participants.family.reduce((sum, key) => sum + count(report.data[key]), 0),
    teachers_present: participants.teachers ? count(report.data[participants.teachers]) : 0,
    operators_present: count(report.data[participants.operators]),
    rating: typeof given === 'number' && Number.isInteger(given) && given >= 1 && given <= 5 ? given : null,
  };
}
