import type { Selectable } from 'kysely';
import type { DbOrTx, ReportTable } from '../db/database.js';
import { fromJson, toIso, toIsoOrNull, toJson } from '../db/values.js';
import { DomainError } from '../domain-error.js';
import { writeReportBeneficiaries } from './report-beneficiaries.js';
import { presenceOf } from './report-presence.js';

export interface Report {
  id: string;
  tenantId: string;
  appointmentId: string;
  submissionId: string | null;
  organisationId: string;
  mediatorId: string;
  formId: string;
  formVersion: number;
  data: Record<string, unknown>;
  outcome: 'held' | 'not_held';
  deliveredMinutes: number;
  countedMinutes: number;
  status: 'filed' | 'countersigned';
  revision: number;
  filedByUserId: string;
  filedAt: string;
  updatedAt: string;
  countersignedAt: string | null;
  countersignedByUserId: string | null;
}

function toReport(r: Selectable<ReportTable>): Report {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    appointmentId: r.appointment_id,
    submissionId: r.submission_id,
    organisationId: r.organisation_id,
    mediatorId: r.mediator_id,
    formId: r.form_id,
    formVersion: r.form_version,
    data: fromJson<Record<string, unknown>>(r.data),
    outcome: r.outcome,
    deliveredMinutes: r.delivered_minutes,
    countedMinutes: r.counted_minutes,
    status: r.status,
    revision: r.revision,
    filedByUserId: r.filed_by_user_id,
    filedAt: toIso(r.filed_at),
    updatedAt: toIso(r.updated_at),
    countersignedAt: toIsoOrNull(r.countersigned_at),
    countersignedByUserId: r.countersigned_by_user_id,
  };
}

export async function insertReport(db: DbOrTx, r: Report): Promise<void> {
  await db
    .insertInto('reports')
    .values({
      id: r.id,
      tenant_id: r.tenantId,
      appointment_id: r.appointmentId,
      submission_id: r.submissionId,
      organisation_id: r.organisationId,
      mediator_id: r.mediatorId,
      form_id: r.formId,
      form_version: r.formVersion,
      data: toJson(r.data),
      outcome: r.outcome,
      delivered_minutes: r.deliveredMinutes,
      counted_minutes: r.countedMinutes,
      status: r.status,
      revision: r.revision,
      filed_by_user_id: r.filedByUserId,
      filed_at: r.filedAt,
      updated_at: r.updatedAt,
      countersigned_at: r.countersignedAt,
      countersigned_by_user_id: r.countersignedByUserId,
      ...presenceOf(r),
    })
    .execute();
  await writeReportBeneficiaries(db, r);
}

/**
 * Writes what changes of a report (content, minutes, countersignature). Every
 * change raises the revision by one, so the row must still hold the revision
 * it was read with: of two changes racing (a correction and a countersign),
 * the second is refused rather than lost.
 */
export async function saveReport(db: DbOrTx, r: Report): Promise<void> {
  const result = await db
    .updateTable('reports')
    .set({
      data: toJson(r.data),
      outcome: r.outcome,
      delivered_minutes: r.deliveredMinutes,
      counted_minutes: r.countedMinutes,
      status: r.status,
      revision: r.revision,
      updated_at: r.updatedAt,
      countersigned_at: r.countersignedAt,
      countersigned_by_user_id: r.countersignedByUserId,
      ...presenceOf(r),
    })
    .where('tenant_id', '=', r.tenantId)
    .where('id', '=', r.id)
    .where('revision', '=', r.revision - 1)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new DomainError('CONFLICT', 'reportChanged');
  await writeReportBeneficiaries(db, r);
}

export async function findReport(db: DbOrTx, tenantId: string, id: string): Promise<Report | undefined> {
  const row = await db.selectFrom('reports').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row && toReport(row);
}

export async function findReportOfAppointment(db: DbOrTx, tenantId: string, appointmentId: string): Promise<Report | undefined> {
  const row = await db.selectFrom('reports').selectAll().where('tenant_id', '=', tenantId).where('appointment_id', '=', appointmentId).executeTakeFirst();
  return row && toReport(row);
}

export interface ReportFilter {
  tenantId: string;
  status?: 'filed' | 'countersigned' | undefined;
  organisationId?: string | undefined;
  mediatorId?: string | undefined;
  submissionId?: string | undefined;
  /** only reports of requests of these forms (a clinician's A.5 ones) */
  requestFormIds?: readonly string[] | undefined;
  /** leave out reports of requests of these forms, but those of requests this user sent (a referent's view) */
  hideRequestsOf?: { formIds: readonly string[]; unlessSentBy: string } | undefined;
  limit: number;
}

/** Reports, newest first. */
export async function listReports(db: DbOrTx, f: ReportFilter): Promise<Report[]> {
  let q = db.selectFrom('reports').selectAll('reports').where('reports.tenant_id', '=', f.tenantId);
  if (f.status) q = q.where('reports.status', '=', f.status);
  if (f.organisationId) q = q.where('reports.organisation_id', '=', f.organisationId);
  if (f.mediatorId) q = q.where('reports.mediator_id', '=', f.mediatorId);
  if (f.submissionId) q = q.where('reports.submission_id', '=', f.submissionId);
  if (f.requestFormIds) {
    const formIds = f.requestFormIds.length ? [...f.requestFormIds] : [''];
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('submissions as s')
          .select('s.id')
          .whereRef('s.id', '=', 'reports.submission_id')
          .where('s.tenant_id', '=', f.tenantId)
          .where('s.form_id', 'in', formIds),
      ),
    );
  }
  if (f.hideRequestsOf && f.hideRequestsOf.formIds.length) {
    const { formIds, unlessSentBy } = f.hideRequestsOf;
    q = q.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('submissions as s')
            .select('s.id')
            .whereRef('s.id', '=', 'reports.submission_id')
            .where('s.tenant_id', '=', f.tenantId)
            .where('s.form_id', 'in', [...formIds])
            .where((e) => e.or([e('s.submitted_by_user_id', 'is', null), e('s.submitted_by_user_id', '<>', unlessSentBy)])),
        ),
      ),
    );
  }
  const rows = await q.orderBy('reports.filed_at', 'desc').orderBy('reports.id', 'desc').limit(f.limit).execute();
  return rows.map(toReport);
}

/**
 * Minutes delivered per (organisation, action, school year) of a tenant,
 * from the reports of its appointments: countersigned ones, and those still
 * awaiting the requester's countersignature. One grouped query.
 */
export async function reportedMinutes(db: DbOrTx, tenantId: string, schoolYear?: string) {
  let q = db
    .selectFrom('reports as r')
    .innerJoin('appointments as a', 'a.id', 'r.appointment_id')
    .select(['a.organisation_id', 'a.action', 'a.school_year', 'r.status', (eb) => eb.fn.sum<number | string>('r.counted_minutes').as('minutes')])
    .where('r.tenant_id', '=', tenantId)
    .where('a.tenant_id', '=', tenantId);
  if (schoolYear) q = q.where('a.school_year', '=', schoolYear);
  const rows = await q.groupBy(['a.organisation_id', 'a.action', 'a.school_year', 'r.status']).execute();
  const delivered = new Map<string, number>();
  const awaiting = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.organisation_id}|${r.action}|${r.school_year}`;
    (r.status === 'countersigned' ? delivered : awaiting).set(key, Number(r.minutes));
  }
  return { delivered, awaiting };
}
