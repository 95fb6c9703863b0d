import {
  formMeaning,
  getForm,
  validateSubmission,
  type FormDefinition,
} from '@ponte/forms';
import { isCoordinator, type Submitter } from '../auth/actor.js';
import { auditSpecialCategoryRead } from '../audit/audit.js';
import { isUniqueViolation } from '../db/errors.js';
import { fromJson, toIso } from '../db/values.js';
import { newId, newTrackingCode, sha256 } from '../ids.js';
import { findOrganisationKind } from '../organisations/organisation.repository.js';
import type { ServiceCall, StaffCall } from '../service-call.js';
import { DomainError } from '../domain-error.js';
import { serverMessage } from '../i18n/messages.js';
import { INITIAL_REQUEST_STATUS } from '../requests/lifecycle.js';
import { queueFieldsOf } from '../requests/queue-fields.js';
import { trackingView } from '../requests/tracking.js';
import { answerPeriodOf, correctAnswer } from './answer-once.js';
import { canonicalJson } from './canonical-json.js';
import { perForm } from '../forms/per-form.js';
import { decodeCursor, encodeCursor } from './page-cursor.js';
import { protocolYear } from './protocol-number.js';
import * as repo from './submission.repository.js';
import { stampSignatures } from './signatures.js';
import { storeSubmission } from './store-submission.js';
import { canReadContent, canSeeMetadata, listScope } from './visibility.js';

export interface Receipt {
  protocol: string;
  trackingCode: string;
  status: string;
  submittedAt: string;
  /** The questionnaire only: this answer replaced the one the school had sent for the same school year (answer-once.ts). */
  correction?: true;
}

export interface SubmitInput {
  formId: string;
  version: number;
  data: unknown;
  idempotencyKey?: string | undefined;
  organisationId?: string | undefined;
  /** The honeypot: a field people never see and bots fill in. */
  website?: string | undefined;
}

/** Every form starts here; requests then follow requests/lifecycle.ts. */
const INITIAL_STATUS = INITIAL_REQUEST_STATUS;

function toReceipt(s: repo.SubmissionRow): Receipt {
  return { protocol: s.protocol, trackingCode: s.trackingCode, status: s.status, submittedAt: s.createdAt };
}

/** What staff see of a submission in a list: everything but its content. */
function toSummary(s: repo.SubmissionRow) {
  return {
    id: s.id,
    organisationId: s.organisationId,
    formId: s.formId,
    formVersion: s.formVersion,
    protocol: s.protocol,
    status: s.status,
    submittedVia: s.submittedVia,
    submittedAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

/** The form's organisation fields, found once per form. */
const organisationFieldsOf = perForm((def) => def.sections.flatMap((s) => s.fields).filter((f) => f.kind === 'organisation'));

/** The organisation a submission is for, checked against who sends it. */
function organisationFor(submitter: Submitter, requested: string | undefined): string {
  if (submitter.kind === 'key') {
    // A key speaks for its own organisation only.
    if (requested && requested !== submitter.organisationId) throw new DomainError('FORBIDDEN', 'keyOtherOrganisation');
    return submitter.organisationId;
  }
  if (isCoordinator(submitter)) {
    const id = requested ?? submitter.organisationId;
    if (!id) throw new DomainError('BAD_REQUEST', 'organisationRequired', {}, 'organisationId');
    return id;
  }
  if (!submitter.organisationId) {
    if (!requested) throw new DomainError('BAD_REQUEST', 'organisationRequired', {}, 'organisationId');
    return requested;
  }
  if (requested && requested !== submitter.organisationId) throw new DomainError('FORBIDDEN', 'forbiddenRole');
  return submitter.organisationId;
}

function checkFiller(def: FormDefinition, submitter: Submitter): void {
  // A report (A.2, A.4) is never a submission: its mediator files it against their appointment (reports.file),
  // where it is held to that appointment and counted against the budget.
  if (def.filledBy === 'mediator') throw new DomainError('BAD_REQUEST', 'formFilledByMediator', {}, 'formId');
  const role = submitter.kind === 'staff' ? submitter.role : 'key';
  if (!['key', 'requester', 'coordinator', 'admin'].includes(role)) throw new DomainError('FORBIDDEN', 'forbiddenRole');
}

export async function submit(call: ServiceCall<Submitter>, input: SubmitInput): Promise<Receipt> {
  const { db, who: submitter, locale, now } = call;
  if (input.website) throw new DomainError('BAD_REQUEST', 'honeypot');

  const def = getForm(input.formId, input.version);
  if (!def) throw new DomainError('NOT_FOUND', 'formUnknown', { formId: input.formId.slice(0, 60), version: input.version });
  checkFiller(def, submitter);

  const organisationId = organisationFor(submitter, input.organisationId);
  const kind = await organisationKind(call, organisationId);
  if (!kind) throw new DomainError('NOT_FOUND', 'organisationUnknown');
  if (!def.submitterKinds.includes(kind)) throw new DomainError('FORBIDDEN', 'formNotForOrganisation');

  const result = validateSubmission(def, input.data, locale);
  if (!result.ok) throw new DomainError('BAD_REQUEST', 'formInvalid', {}, result.fieldErrors);
  const data = result.data;

  // An organisation field names who sends the form: it cannot name another.
  for (const field of organisationFieldsOf(def)) {
    if (data[field.key] !== undefined && data[field.key] !== organisationId) {
      const fieldError = serverMessage('organisationMismatch', locale, { label: field.label[locale] });
      throw new DomainError('BAD_REQUEST', 'formInvalid', {}, { [field.key]: fieldError });
    }
  }

  const requestHash = sha256(canonicalJson({ formId: def.id, version: def.version, organisationId, data })!);
  const idempotencyKey = input.idempotencyKey ?? null;
  const tenant = await call.tenant();
  const at = now.toISOString();
  const stored = stampSignatures(def, data, submitter, at);
  const meaning = formMeaning(def.id, def.version);
  // A form answered once per period (the questionnaire's school year): a later answer corrects the first.
  const answersFor = answerPeriodOf(meaning, data);
  const laterAnswer = answersFor && { organisationId, formId: def.id, formVersion: def.version, answersFor, data: stored, requestHash, at };
  if (laterAnswer) {
    const corrected = await correctAnswer(call, laterAnswer);
    if (corrected) return corrected;
  }
  const id = newId();
  const trackingCode = newTrackingCode();
  try {
    // A retry is not looked for first: it is the rare case, and the unique
    // index finds it on the way (below) for the price of the write it refuses.
    const protocol = await storeSubmission(
      call,
      {
        id,
        tenantId: tenant.id,
        organisationId,
        formId: def.id,
        formVersion: def.version,
        protocolYear: protocolYear(tenant.timeZone, now),
        trackingCode,
        status: INITIAL_STATUS,
        data: stored,
        submittedVia: submitter.kind,
        submittedByUserId: submitter.kind === 'staff' ? submitter.userId : null,
        publishableKeyId: submitter.kind === 'key' ? submitter.keyId : null,
        idempotencyKey,
        requestHash,
        at,
        queue: queueFieldsOf(def, data),
        answersFor,
      },
      // Reports never come this way (checkFiller): a submission is a request or the questionnaire.
      meaning?.kind === 'questionnaire'
        ? { type: 'questionnaire.received', submissionId: id, formId: def.id, organisationId }
        : { type: 'request.received', requestId: id, formId: def.id, organisationId },
    );
    return { protocol, trackingCode, status: INITIAL_STATUS, submittedAt: at };
  } catch (error) {
    // The idempotency key was used already, by an earlier call or one racing this one:
    // the write was undone whole, its number included, and the first receipt is answered.
    if (idempotencyKey && isUniqueViolation(error)) {
      const earlier = await repo.findByIdempotencyKey(db, submitter.tenantId, organisationId, idempotencyKey);
      if (earlier) return replay(earlier, requestHash);
    }
    // The period's first answer came in while this one was on its way: this one corrects it.
    if (laterAnswer && isUniqueViolation(error)) {
      const corrected = await correctAnswer(call, laterAnswer);
      if (corrected) return corrected;
    }
    throw error;
  }
}

/** The kind of the organisation a submission is for: a key's was read with the key. */
async function organisationKind(call: ServiceCall<Submitter>, organisationId: string) {
  const { who } = call;
  if (who.kind === 'key' && who.organisationKind && who.organisationId === organisationId) return who.organisationKind;
  return findOrganisationKind(call.db, who.tenantId, organisationId);
}

function replay(earlier: repo.SubmissionRow, requestHash: string): Receipt {
  if (earlier.requestHash !== requestHash) throw new DomainError('CONFLICT', 'idempotencyConflict');
  return toReceipt(earlier);
}

/**
 * For whoever holds the tracking code: the status, the date of each status
 * reached, and the reason of a rejection or cancellation. Never content.
 */
export async function track(call: ServiceCall<null>, { trackingCode }: { trackingCode: string }) {
  const { db } = call;
  const s = await repo.findByTrackingCode(db, trackingCode);
  if (!s) throw new DomainError('NOT_FOUND', 'trackingNotFound');
  return { status: s.status, submittedAt: s.createdAt, updatedAt: s.updatedAt, ...(await trackingView(db, s)) };
}

export async function list(
  call: StaffCall,
  input: { formId?: string | undefined; status?: string | undefined; organisationId?: string | undefined; limit: number; cursor?: string | undefined },
) {
  const { db, who: user } = call;
  const scope = listScope(user);
  const before = input.cursor ? decodeCursor(input.cursor) : undefined;
  // The role's scope narrows the caller's filter, never widens it.
  const formIds = input.formId
    ? [input.formId].filter((f) => !scope.formIds || scope.formIds.includes(f))
    : scope.formIds;
  const rows = await repo.listSubmissions(db, {
    ...scope,
    tenantId: user.tenantId,
    limit: input.limit + 1,
    ...(formIds ? { formIds } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(input.organisationId && !scope.requesterView ? { organisationId: input.organisationId } : {}),
    ...(before ? { before } : {}),
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(toSummary),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null,
  };
}

/**
 * The answers a submission's current one replaced, oldest first (the
 * questionnaire's corrections: answer-once.ts), for whoever may read the
 * submission's content, as `get` decides; none for a submission never
 * corrected.
 */
export async function revisions(call: StaffCall, { id }: { id: string }) {
  const { db, who: user } = call;
  const s = await readSubmission(call, id);
  const rows = await db
    .selectFrom('submission_revisions')
    .select(['revision', 'form_version', 'data', 'submitted_via', 'submitted_at', 'replaced_at'])
    .where('tenant_id', '=', user.tenantId)
    .where('submission_id', '=', s.id)
    .orderBy('revision')
    .execute();
  return rows.map((r) => ({
    revision: r.revision,
    formVersion: r.form_version,
    data: fromJson<Record<string, unknown>>(r.data),
    submittedVia: r.submitted_via,
    submittedAt: toIso(r.submitted_at),
    replacedAt: toIso(r.replaced_at),
  }));
}

/** One submission with its content; special-category content is audited on every read. */
export async function get(call: StaffCall, { id }: { id: string }) {
  const s = await readSubmission(call, id);
  return { ...toSummary(s), data: s.data };
}

/** A submission whose content the caller may read, its read audited if special-category; refused otherwise. */
async function readSubmission(call: StaffCall, id: string) {
  const { db, who: user } = call;
  const s = await repo.findSubmission(db, user.tenantId, id);
  // Not found and not visible answer alike, so ids of others cannot be probed.
  if (!s || !canSeeMetadata(user, s)) throw new DomainError('NOT_FOUND', 'submissionNotFound');
  if (!canReadContent(user, s)) throw new DomainError('FORBIDDEN', 'specialCategoryRestricted');
  await auditSpecialCategoryRead(db, call, s);
  return s;
}
