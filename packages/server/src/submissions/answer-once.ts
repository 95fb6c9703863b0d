import type { FormMeaning } from '@ponte/forms';
import type { Submitter } from '../auth/actor.js';
import { audit } from '../audit/audit.js';
import { writeTransaction } from '../db/write-transaction.js';
import { fromJson, toInt, toIso, toJson } from '../db/values.js';
import { emit } from '../events/emit.js';
import { newId } from '../ids.js';
import type { ServiceCall } from '../service-call.js';

/*
 * Forms answered once per organisation and period: the school questionnaire,
 * once per school and school year (docs/architecture.md#one-answer-per-school-year).
 * The first answer of a period is stored as any submission is, with its
 * protocol number; a later one corrects it: the row keeps its number and
 * tracking code and takes the new answer, and the answer it replaces is kept
 * in `submission_revisions`, so nothing sent is lost and the Ambito counts
 * one answer per school and year.
 */

/** The period `data` answers for, when its form (by `meaning`) is answered once per organisation and period; undefined for every other form. */
export function answerPeriodOf(meaning: FormMeaning | undefined, data: Record<string, unknown>): string | undefined {
  if (meaning?.kind !== 'questionnaire') return undefined;
  const period = data[meaning.schoolYear];
  return typeof period === 'string' ? period : undefined;
}

export interface LaterAnswer {
  organisationId: string;
  formId: string;
  formVersion: number;
  answersFor: string;
  /** as stored: validated, signatures stamped */
  data: Record<string, unknown>;
  requestHash: string;
  at: string;
}

export interface AnswerReceipt {
  protocol: string;
  trackingCode: string;
  status: string;
  submittedAt: string;
  /** present when this answer replaced the period's earlier one, which is kept */
  correction?: true;
}

/**
 * Replaces the period's answer with `next`, keeping the one it replaces, in
 * one transaction with its audit line and event; answers the receipt, or
 * undefined when the period has no answer yet (the caller stores `next` as
 * the first). The same answer sent again (its request hash unchanged)
 * changes nothing: a retry is not a correction.
 */
export async function correctAnswer(call: ServiceCall<Submitter>, next: LaterAnswer): Promise<AnswerReceipt | undefined> {
  const { who } = call;
  return writeTransaction(call.db, call.dialect, async (trx) => {
    let query = trx
      .selectFrom('submissions')
      .selectAll()
      .where('tenant_id', '=', who.tenantId)
      .where('organisation_id', '=', next.organisationId)
      .where('form_id', '=', next.formId)
      .where('answers_for', '=', next.answersFor);
    // SQLite's transaction holds the write lock from its start already (write-transaction.ts).
    if (call.dialect === 'postgres') query = query.forUpdate();
    const current = await query.executeTakeFirst();
    if (!current) return undefined;
    const latest = await trx
      .selectFrom('submission_revisions')
      .select(['revision', 'replaced_at'])
      .where('submission_id', '=', current.id)
      .orderBy('revision', 'desc')
      .limit(1)
      .executeTakeFirst();
    // The answer standing now was sent when the one before it was replaced, or with the row.
    const currentSentAt = toIso(latest?.replaced_at ?? current.created_at);
    const receipt = { protocol: current.protocol, trackingCode: current.tracking_code, status: current.status };
    if (current.request_hash === next.requestHash) return { ...receipt, submittedAt: currentSentAt };

    const revision = (latest ? toInt(latest.revision) : 0) + 1;
    await trx
      .insertInto('submission_revisions')
      .values({
        id: newId(),
        tenant_id: current.tenant_id,
        submission_id: current.id,
        revision,
        form_version: current.form_version,
        data: toJson(fromJson(current.data)),
        request_hash: current.request_hash,
        submitted_via: current.submitted_via,
        submitted_by_user_id: current.submitted_by_user_id,
        publishable_key_id: current.publishable_key_id,
        submitted_at: currentSentAt,
        replaced_at: next.at,
      })
      .execute();
    await trx
      .updateTable('submissions')
      .set({
        form_version: next.formVersion,
        data: toJson(next.data),
        request_hash: next.requestHash,
        submitted_via: who.kind,
        submitted_by_user_id: who.kind === 'staff' ? who.userId : null,
        publishable_key_id: who.kind === 'key' ? who.keyId : null,
        updated_at: next.at,
      })
      .where('id', '=', current.id)
      .execute();
    await audit(trx, call, 'submission.corrected', { type: 'submission', id: current.id }, { formId: next.formId, version: next.formVersion, protocol: current.protocol, revision });
    await emit(trx, call, { type: 'questionnaire.corrected', submissionId: current.id, formId: next.formId, organisationId: next.organisationId, revision });
    return { ...receipt, submittedAt: next.at, correction: true };
  });
}
