import { getForm } from '@ponte/forms';
import { fromJson, toInt, toIso } from '../db/values.js';
import type { StaffCall } from '../service-call.js';
import { questionnaireResults, type QuestionnaireAnswer } from './questionnaire-results.js';

export const QUESTIONNAIRE_FORM_ID = 'school-questionnaire';

export interface YearAnswer extends QuestionnaireAnswer {
  protocol: string;
  /** when the answer standing was given: the first answer's instant, or its latest correction's */
  answeredAt: string;
  corrections: number;
}

/**
 * The school questionnaire's answers of one school year in the caller's
 * Ambito, one per school: the answer standing (submissions/answer-once.ts),
 * never the revisions it replaced; in protocol order.
 */
export async function yearAnswers(call: StaffCall, schoolYear: string): Promise<YearAnswer[]> {
  const rows = await call.db
    .selectFrom('submissions as s')
    .leftJoin('submission_revisions as r', 'r.submission_id', 's.id')
    .select((eb) => ['s.id', 's.organisation_id', 's.protocol', 's.data', 's.created_at', eb.fn.max('r.replaced_at').as('corrected_at'), eb.fn.count('r.id').as('corrections')])
    .where('s.tenant_id', '=', call.who.tenantId)
    .where('s.form_id', '=', QUESTIONNAIRE_FORM_ID)
    .where('s.answers_for', '=', schoolYear)
    .groupBy(['s.id', 's.organisation_id', 's.protocol', 's.data', 's.created_at'])
    .orderBy('s.protocol')
    .execute();
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    data: fromJson<Record<string, unknown>>(r.data),
    protocol: r.protocol,
    answeredAt: toIso(r.corrected_at ?? r.created_at),
    corrections: toInt(r.corrections as number | string),
  }));
}

/**
 * The school questionnaire of one school year across the caller's Ambito:
 * which schools answered (each once), with the protocol of their answer, when
 * it was last given and how many times it was corrected, and every question
 * added up (questionnaire-results.ts), by the newest version's questions.
 * Coordinators and admins (the router checks).
 */
export async function questionnaire(call: StaffCall, { schoolYear }: { schoolYear: string }) {
  const answers = await yearAnswers(call, schoolYear);
  const def = getForm(QUESTIONNAIRE_FORM_ID)!;
  return {
    schoolYear,
    formId: QUESTIONNAIRE_FORM_ID,
    version: def.version,
    schools: answers.map(({ organisationId, protocol, answeredAt, corrections }) => ({ organisationId, protocol, answeredAt, corrections })),
    questions: questionnaireResults(def, answers),
  };
}
