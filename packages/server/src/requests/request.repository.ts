import { PostgresAdapter, sql } from 'kysely';
import type { DbOrTx } from '../db/database.js';
import { DomainError } from '../domain-error.js';
import { fromJson, toIso } from '../db/values.js';
import { REQUEST_FORM_IDS, type RequestStatus } from './lifecycle.js';

/** A request's row: the submission's metadata and what the lifecycle adds. Content is read apart. */
export interface RequestRow {
  id: string;
  tenantId: string;
  organisationId: string;
  formId: string;
  formVersion: number;
  protocol: string;
  status: RequestStatus;
  submittedVia: 'key' | 'staff';
  submittedByUserId: string | null;
  publishableKeyId: string | null;
  authorisedMinutes: number | null;
  language: string | null;
  urgency: string | null;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = [
  'id',
  'tenant_id',
  'organisation_id',
  'form_id',
  'form_version',
  'protocol',
  'status',
  'submitted_via',
  'submitted_by_user_id',
  'publishable_key_id',
  'authorised_minutes',
  'queue_language',
  'queue_urgency',
  'created_at',
  'updated_at',
] as const;

interface Row {
  id: string;
  tenant_id: string;
  organisation_id: string;
  form_id: string;
  form_version: number;
  protocol: string;
  status: string;
  submitted_via: 'key' | 'staff';
  submitted_by_user_id: string | null;
  publishable_key_id: string | null;
  authorised_minutes: number | null;
  queue_language: string | null;
  queue_urgency: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

function toRequest(r: Row): RequestRow {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    organisationId: r.organisation_id,
    formId: r.form_id,
    formVersion: r.form_version,
    protocol: r.protocol,
    status: r.status as RequestStatus,
    submittedVia: r.submitted_via,
    submittedByUserId: r.submitted_by_user_id,
    publishableKeyId: r.publishable_key_id,
    authorisedMinutes: r.authorised_minutes,
    language: r.queue_language,
    urgency: r.queue_urgency,
    createdAt: toIso(r.created_at),
    updatedAt: toIso(r.updated_at),
  };
}

function requests(db: DbOrTx, tenantId: string) {
  return db.selectFrom('submissions').select(COLUMNS).where('tenant_id', '=', tenantId).where('form_id', 'in', [...REQUEST_FORM_IDS]);
}

/** One request of the tenant; other forms (reports, questionnaires) are not requests. */
export async function findRequest(db: DbOrTx, tenantId: string, id: string): Promise<RequestRow | undefined> {
  const row = await requests(db, tenantId).where('id', '=', id).executeTakeFirst();
  return row && toRequest(row);
}

export async function findRequestByTrackingCode(db: DbOrTx, tenantId: string, trackingCode: string): Promise<RequestRow | undefined> {
  const row = await requests(db, tenantId).where('tracking_code', '=', trackingCode).executeTakeFirst();
  return row && toRequest(row);
}

export async function contentOf(db: DbOrTx, tenantId: string, id: string): Promise<Record<string, unknown>> {
  const row = await db.selectFrom('submissions').select('data').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirstOrThrow();
  return fromJson<Record<string, unknown>>(row.data);
}

/**
 * Moves a request from one status to another, only if it still has the
 * status it was read with: of two changes racing on one request, the second
 * finds nothing to update and is refused.
 */
export async function updateStatus(
  db: DbOrTx,
  r: { tenantId: string; id: string },
  from: RequestStatus,
  to: RequestStatus,
  at: string,
  authorisedMinutes?: number,
): Promise<void> {
  const result = await db
    .updateTable('submissions')
    .set({ status: to, updated_at: at, ...(authorisedMinutes !== undefined ? { authorised_minutes: authorisedMinutes } : {}) })
    .where('tenant_id', '=', r.tenantId)
    .where('id', '=', r.id)
    .where('status', '=', from)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new DomainError('CONFLICT', 'requestChanged');
}

export interface StatusChange {
  seq: number;
  from: RequestStatus;
  to: RequestStatus;
  at: string;
  actor: { kind: 'user' | 'key' | 'system'; id: string | null };
  reason: string | null;
}

export async function insertStatusChange(
  db: DbOrTx,
  row: { id: string; tenantId: string; submissionId: string; from: RequestStatus; to: RequestStatus; at: string; actor: StatusChange['actor']; reason: string | null },
): Promise<void> {
  const last = await db
    .selectFrom('request_status_changes')
    .select((eb) => eb.fn.max<number | string | null>('seq').as('seq'))
    .where('tenant_id', '=', row.tenantId)
    .where('submission_id', '=', row.submissionId)
    .executeTakeFirst();
  await db
    .insertInto('request_status_changes')
    .values({
      id: row.id,
      tenant_id: row.tenantId,
      submission_id: row.submissionId,
      seq: Number(last?.seq ?? 0) + 1,
      from_status: row.from,
      to_status: row.to,
      at: row.at,
      actor_kind: row.actor.kind,
      actor_id: row.actor.id,
      reason: row.reason,
    })
    .execute();
}

/** Every change of status of a request, oldest first. */
export async function historyOf(db: DbOrTx, tenantId: string, submissionId: string): Promise<StatusChange[]> {
  const rows = await db
    .selectFrom('request_status_changes')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('submission_id', '=', submissionId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    seq: r.seq,
    from: r.from_status as RequestStatus,
    to: r.to_status as RequestStatus,
    at: toIso(r.at),
    actor: { kind: r.actor_kind, id: r.actor_id },
    reason: r.reason,
  }));
}

export interface QueueFilter {
  tenantId: string;
  formIds: readonly string[];
  statuses?: readonly RequestStatus[] | undefined;
  organisationId?: string | undefined;
  language?: string | undefined;
  urgency?: string | undefined;
  /** Only rows after this (createdAt, id) pair: keyset pagination, oldest first. */
  after?: { createdAt: string; id: string } | undefined;
  limit: number;
}

/** Requests waiting longest first. Content is never read. */
export async function queue(db: DbOrTx, f: QueueFilter): Promise<RequestRow[]> {
  let q = db
    .selectFrom('submissions')
    .select(COLUMNS)
    .where('tenant_id', '=', f.tenantId)
    .where('form_id', 'in', f.formIds.length ? [...f.formIds] : ['']);
  if (f.statuses) q = q.where('status', 'in', [...f.statuses]);
  if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId);
  if (f.language) q = q.where('queue_language', '=', f.language);
  if (f.urgency) q = q.where('queue_urgency', '=', f.urgency);
  if (f.after) {
    const { createdAt, id } = f.after;
    q = q.where((eb) => eb.or([eb('created_at', '>', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '>', id)])]));
  }
  const rows = await q.orderBy('created_at').orderBy('id').limit(f.limit).execute();
  return rows.map(toRequest);
}

/** The appointments of a request with whether each has a report, and whether that is countersigned. */
export async function appointmentsOf(db: DbOrTx, tenantId: string, submissionId: string) {
  const rows = await db
    .selectFrom('appointments as a')
    .leftJoin('reports as r', 'r.appointment_id', 'a.id')
    .select(['a.id', 'a.mediator_id', 'a.starts_at', 'a.ends_at', 'a.mode', 'a.status', 'r.id as report_id', 'r.status as report_status'])
    .where('a.tenant_id', '=', tenantId)
    .where('a.submission_id', '=', submissionId)
    .orderBy('a.starts_at')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    mediatorId: r.mediator_id,
    startsAt: toIso(r.starts_at),
    endsAt: toIso(r.ends_at),
    mode: r.mode,
    status: r.status,
    report: r.report_id ? { id: r.report_id, status: r.report_status! } : null,
  }));
}

/** The minutes billed by a request's appointments that are not cancelled: what its hours authorised bound. */
export async function liveBilledMinutesOf(db: DbOrTx, tenantId: string, submissionId: string): Promise<number> {
  const row = await db
    .selectFrom('appointments')
    .select((eb) => eb.fn.sum<number | string | null>('billed_minutes').as('minutes'))
    .where('tenant_id', '=', tenantId)
    .where('submission_id', '=', submissionId)
    .where('status', '<>', 'cancelled')
    .executeTakeFirst();
  return Number(row?.minutes ?? 0);
}

/**
 * On PostgreSQL, locks the request's row until the transaction ends, so that
 * two changes to its appointments (two cancellations at once) derive its
 * status one after the other, each from what the other committed. SQLite
 * writers are serialised already.
 */
export async function lockRequest(db: DbOrTx, tenantId: string, id: string): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await db.selectFrom('submissions').select('id').where('tenant_id', '=', tenantId).where('id', '=', id).modifyEnd(sql`for update`).execute();
}
