import { getForm } from '@ponte/forms';
import { fromJson, toInt, toIso } from '../db/values.js';
import type { StaffCall } from '../service-call.js';
import { questionnaireResults, type QuestionnaireAnswer } from './questionnaire-results.js';

const FORM_ID = 'school-questionnaire';

/**
 * The school questionnaire of one school year across the caller's Ambito:
 * which schools answered (each once: submissions/answer-once.ts), with the
 * protocol of their answer, when it was last given and how many times it was
 * corrected, and every question added up (questionnaire-results.ts), by the
 * newest version's questions. Coordinators and admins (the router checks).
 */
export async function questionnaire(call: StaffCall, { schoolYear }: { schoolYear: string }) {
  const { db, who } = call;
  const rows = await db
    .selectFrom('submissions as s')
    .leftJoin('submission_revisions as r', 'r.submission_id', 's.id')
    .select((eb) => ['s.id', 's.organisation_id', 's.protocol', 's.form_version', 's.data', 's.created_at', eb.fn.max('r.replaced_at').as('corrected_at'), eb.fn.count('r.id').as('corrections')])
    .where('s.tenant_id', '=', who.tenantId)
    .where('s.form_id', '=', FORM_ID)
    .where('s.answers_for', '=', schoolYear)
    .groupBy(['s.id', 's.organisation_id', 's.protocol', 's.form_version', 's.data', 's.created_at'])
    .orderBy('s.protocol')
    .execute();
  const answers: QuestionnaireAnswer[] = rows.map((r) => ({ organisationId: r.organisation_id, data: fromJson<Record<string, unknown>>(r.data) }));
  const def = getForm(FORM_ID)!;
  return {
    schoolYear,
    formId: FORM_ID,
    version: def.version,
    schools: rows.map((r) => ({
      organisationId: r.organisation_id,
      protocol: r.protocol,
      answeredAt: toIso(r.corrected_at ?? r.created_at),
      corrections: toInt(r.corrections as number | string),
    })),
    questions: questionnaireResults(def, answers),
  };
}
