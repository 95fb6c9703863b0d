import { sql, type Selectable } from 'kysely';
import type { DbOrTx, SubmissionTable } from '../db/database.js';
import { fromJson, toInt, toIso, toJson } from '../db/values.js';

export interface SubmissionRow {
  id: string;
  tenantId: string;
  organisationId: string;
  formId: string;
  formVersion: number;
  protocol: string;
  trackingCode: string;
  status: string;
  submittedVia: 'key' | 'staff';
  submittedByUserId: string | null;
  requestHash: string;
  createdAt: string;
  updatedAt: string;
}

// The lifecycle's columns (migration 0003) are read by requests/request.repository.ts.
type Row = Omit<Selectable<SubmissionTable>, 'data' | 'authorised_minutes' | 'queue_language' | 'queue_urgency' | 'answers_for'>;

function toSubmission(row: Row): SubmissionRow {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    organisationId: row.organisation_id,
    formId: row.form_id,
    formVersion: row.form_version,
    protocol: row.protocol,
    trackingCode: row.tracking_code,
    status: row.status,
    submittedVia: row.submitted_via,
    submittedByUserId: row.submitted_by_user_id,
    requestHash: row.request_hash,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

const META_COLUMNS = [
  'id',
  'tenant_id',
  'organisation_id',
  'form_id',
  'form_version',
  'protocol',
  'protocol_year',
  'protocol_seq',
  'tracking_code',
  'status',
  'submitted_via',
  'submitted_by_user_id',
  'publishable_key_id',
  'idempotency_key',
  'request_hash',
  'created_at',
  'updated_at',
] as const;

/** Takes the next protocol number of a tenant's year; the row lock serialises concurrent takers. */
export async function nextProtocolSeq(db: DbOrTx, tenantId: string, year: number): Promise<number> {
  const row = await takeProtocolSeqs(db, tenantId, year, 1).executeTakeFirstOrThrow();
  return toInt(row.last_seq);
}

/**
 * The UPDATE (an upsert: a year's first number creates its row) that takes
 * the next `count` numbers of a tenant's year, not yet run: it answers the
 * last of them.
 */
export function takeProtocolSeqs(db: DbOrTx, tenantId: string, year: number, count: number) {
  return db
    .insertInto('protocol_counters')
    .values({ tenant_id: tenantId, year, last_seq: count })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'year']).doUpdateSet({ last_seq: sql<number>`protocol_counters.last_seq + ${count}` }),
    )
    .returning('last_seq');
}

/** A submission about to be stored, all but its protocol number (store-submission.ts takes that). */
export interface NewSubmission {
  id: string;
  tenantId: string;
  organisationId: string;
  formId: string;
  formVersion: number;
  protocolYear: number;
  trackingCode: string;
  status: string;
  data: Record<string, unknown>;
  submittedVia: 'key' | 'staff';
  submittedByUserId: string | null;
  publishableKeyId: string | null;
  idempotencyKey: string | null;
  requestHash: string;
  at: string;
  /** What the request queue filters on (requests/queue-fields.ts); absent for other forms. */
  queue?: { language: string | null; urgency: string | null } | undefined;
  /** The period of a form answered once per organisation and period (answer-once.ts); absent for other forms. */
  answersFor?: string | undefined;
}

/** The row of a new submission, but for its protocol number's two columns. */
export function submissionValues(row: NewSubmission) {
  return {
    id: row.id,
    tenant_id: row.tenantId,
    organisation_id: row.organisationId,
    form_id: row.formId,
    form_version: row.formVersion,
    protocol_year: row.protocolYear,
    tracking_code: row.trackingCode,
    status: row.status,
    data: toJson(row.data),
    submitted_via: row.submittedVia,
    submitted_by_user_id: row.submittedByUserId,
    publishable_key_id: row.publishableKeyId,
    idempotency_key: row.idempotencyKey,
    request_hash: row.requestHash,
    created_at: row.at,
    updated_at: row.at,
    queue_language: row.queue?.language ?? null,
    queue_urgency: row.queue?.urgency ?? null,
    answers_for: row.answersFor ?? null,
  };
}

export async function insertSubmission(db: DbOrTx, row: NewSubmission & { protocolSeq: number; protocol: string }): Promise<void> {
  await db
    .insertInto('submissions')
    .values({ ...submissionValues(row), protocol_seq: row.protocolSeq, protocol: row.protocol })
    .execute();
}

export async function findByIdempotencyKey(db: DbOrTx, tenantId: string, organisationId: string, idempotencyKey: string) {
  const row = await db
    .selectFrom('submissions')
    .select(META_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('organisation_id', '=', organisationId)
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
  return row && toSubmission(row);
}

export async function findByTrackingCode(db: DbOrTx, trackingCode: string) {
  const row = await db
    .selectFrom('submissions')
    .select(META_COLUMNS)
    .where('tracking_code', '=', trackingCode)
    .executeTakeFirst();
  return row && toSubmission(row);
}

/** One submission of the tenant, with its content. */
export async function findSubmission(db: DbOrTx, tenantId: string, id: string) {
  const row = await db
    .selectFrom('submissions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { ...toSubmission(row), data: fromJson<Record<string, unknown>>(row.data) };
}

export interface SubmissionFilter {
  tenantId: string;
  formIds?: readonly string[];
  /** A requester's view: their organisation's rows, special-category ones only when they sent them. */
  requesterView?: { organisationId: string; userId: string; specialFormIds: readonly string[] };
  organisationId?: string;
  submittedByUserId?: string;
  status?: string;
  /** Only rows created strictly before this (createdAt, id) pair: keyset pagination. */
  before?: { createdAt: string; id: string };
  limit: number;
}

/** Submissions' metadata, newest first. Content is never listed. */
export async function listSubmissions(db: DbOrTx, f: SubmissionFilter): Promise<SubmissionRow[]> {
  let q = db.selectFrom('submissions').select(META_COLUMNS).where('tenant_id', '=', f.tenantId);
  if (f.formIds) q = q.where('form_id', 'in', f.formIds.length ? [...f.formIds] : ['']);
  if (f.requesterView) {
    const { organisationId, userId, specialFormIds } = f.requesterView;
    q = q
      .where('organisation_id', '=', organisationId)
      .where((eb) => eb.or([eb('form_id', 'not in', [...specialFormIds]), eb('submitted_by_user_id', '=', userId)]));
  }
  if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId);
  if (f.submittedByUserId) q = q.where('submitted_by_user_id', '=', f.submittedByUserId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.before) {
    const { createdAt, id } = f.before;
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]),
    );
  }
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
  return rows.map(toSubmission);
}
