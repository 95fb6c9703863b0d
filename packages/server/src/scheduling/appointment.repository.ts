import { DomainError } from '../domain-error.js';
import type { Selectable } from 'kysely';
import type { AppointmentMode, AppointmentStatus, AppointmentTable, DbOrTx, PlanAction } from '../db/database.js';
import { toIso, toIsoOrNull } from '../db/values.js';
import { countScheduleWrite } from './schedule-version.js';

export interface Appointment {
  id: string;
  tenantId: string;
  /** null: a consultation the clinicians hold without a mediator */
  mediatorId: string | null;
  organisationId: string;
  submissionId: string | null;
  seriesId: string | null;
  action: PlanAction;
  schoolYear: string;
  startsAt: string;
  endsAt: string;
  bufferUntil: string;
  mode: AppointmentMode;
  place: string;
  placeKey: string;
  caseCode: string;
  status: AppointmentStatus;
  sequence: number;
  billedMinutes: number;
  cancelledAt: string | null;
  cancellation: 'in_time' | 'late' | null;
  createdAt: string;
  updatedAt: string;
}

type Row = Selectable<AppointmentTable>;

export function toAppointment(r: Row): Appointment {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    mediatorId: r.mediator_id,
    organisationId: r.organisation_id,
    submissionId: r.submission_id,
    seriesId: r.series_id,
    action: r.action,
    schoolYear: r.school_year,
    startsAt: toIso(r.starts_at),
    endsAt: toIso(r.ends_at),
    bufferUntil: toIso(r.buffer_until),
    mode: r.mode,
    place: r.place,
    placeKey: r.place_key,
    caseCode: r.case_code,
    status: r.status,
    sequence: r.sequence,
    billedMinutes: r.billed_minutes,
    cancelledAt: toIsoOrNull(r.cancelled_at),
    cancellation: r.cancellation,
    createdAt: toIso(r.created_at),
    updatedAt: toIso(r.updated_at),
  };
}

export async function insertAppointment(db: DbOrTx, a: Appointment): Promise<void> {
  await db
    .insertInto('appointments')
    .values({
      id: a.id,
      tenant_id: a.tenantId,
      mediator_id: a.mediatorId,
      organisation_id: a.organisationId,
      submission_id: a.submissionId,
      series_id: a.seriesId,
      action: a.action,
      school_year: a.schoolYear,
      starts_at: a.startsAt,
      ends_at: a.endsAt,
      buffer_until: a.bufferUntil,
      mode: a.mode,
      place: a.place,
      place_key: a.placeKey,
      case_code: a.caseCode,
      status: a.status,
      sequence: a.sequence,
      billed_minutes: a.billedMinutes,
      cancelled_at: a.cancelledAt,
      cancellation: a.cancellation,
      created_at: a.createdAt,
      updated_at: a.updatedAt,
    })
    .execute();
  await countScheduleWrite(db, a);
}

/**
 * Writes every mutable column of an appointment that exists. Every change
 * raises the sequence by one, so the row must still hold the sequence it was
 * read with: two changes racing on one appointment (a cancel and a
 * reschedule) cannot both win and overwrite each other. Its mediator,
 * organisation and request are not among them: an appointment keeps its
 * owners, whose schedule versions count the change (schedule-version.ts).
 */
export async function saveAppointment(db: DbOrTx, a: Appointment): Promise<void> {
  const result = await db
    .updateTable('appointments')
    .set({
      starts_at: a.startsAt,
      ends_at: a.endsAt,
      buffer_until: a.bufferUntil,
      school_year: a.schoolYear,
      mode: a.mode,
      place: a.place,
      place_key: a.placeKey,
      status: a.status,
      sequence: a.sequence,
      billed_minutes: a.billedMinutes,
      cancelled_at: a.cancelledAt,
      cancellation: a.cancellation,
      updated_at: a.updatedAt,
    })
    .where('tenant_id', '=', a.tenantId)
    .where('id', '=', a.id)
    .where('sequence', '=', a.sequence - 1)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new DomainError('CONFLICT', 'appointmentChanged');
  await countScheduleWrite(db, a);
}

export async function findAppointment(db: DbOrTx, tenantId: string, id: string): Promise<Appointment | undefined> {
  const row = await db.selectFrom('appointments').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row && toAppointment(row);
}

export interface Slot {
  tenantId: string;
  mediatorId: string | null;
  startsAt: string;
  endsAt: string;
  bufferUntil: string;
  mode: AppointmentMode;
  placeKey: string;
}

/**
 * The first live appointment that a new one would clash with, under the two
 * rules of migration 0002: no overlap at all, and the travel buffer between
 * in-person appointments at different places. What SQLite relies on inside
 * its write transaction, and what PostgreSQL uses to name the appointment
 * behind a 23P01.
 */
export async function findClash(db: DbOrTx, slot: Slot, excludeId?: string): Promise<Appointment | undefined> {
  // Without a mediator (a consultation of the clinicians), nobody's time is taken.
  if (slot.mediatorId === null) return undefined;
  let q = db
    .selectFrom('appointments')
    .selectAll()
    .where('tenant_id', '=', slot.tenantId)
    .where('mediator_id', '=', slot.mediatorId)
    .where('status', '<>', 'cancelled')
    .where((eb) => {
      const overlap = eb.and([eb('starts_at', '<', slot.endsAt), eb('ends_at', '>', slot.startsAt)]);
      if (slot.mode !== 'in_person') return overlap;
      return eb.or([
        overlap,
        eb.and([
          eb('mode', '=', 'in_person'),
          eb('place_key', '<>', slot.placeKey),
          eb('starts_at', '<', slot.bufferUntil),
          eb('buffer_until', '>', slot.startsAt),
        ]),
      ]);
    });
  if (excludeId) q = q.where('id', '<>', excludeId);
  const row = await q.orderBy('starts_at').limit(1).executeTakeFirst();
  return row && toAppointment(row);
}

export interface AppointmentFilter {
  from: string;
  to: string;
  mediatorId?: string | undefined;
  organisationId?: string | undefined;
}

export async function listAppointments(db: DbOrTx, tenantId: string, f: AppointmentFilter): Promise<Appointment[]> {
  let q = db.selectFrom('appointments').selectAll().where('tenant_id', '=', tenantId).where('starts_at', '<', f.to).where('ends_at', '>', f.from);
  if (f.mediatorId) q = q.where('mediator_id', '=', f.mediatorId);
  if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId);
  const rows = await q.orderBy('starts_at').orderBy('id').limit(2000).execute();
  return rows.map(toAppointment);
}

/**
 * The longest span an appointment can block, start to buffer_until: the
 * longest booking (480 min, trpc/scheduling-inputs.ts) plus the largest
 * travel buffer (240 min, migration 0002 check). It gives the busy query a
 * lower bound on starts_at, so the (mediator_id, starts_at) index reads the
 * window only instead of every earlier appointment.
 */
export const MAX_BLOCK_MS = (480 + 240) * 60_000;

/**
 * Live appointments of some mediators that reach into a window, one query, a
 * row each: what matching subtracts from proposed slots. Free slots read the
 * same rows aggregated by mediator (busy-intervals.repository.ts).
 */
export async function busyOf(db: DbOrTx, tenantId: string, mediatorIds: string[], from: string, to: string) {
  if (mediatorIds.length === 0) return [];
  return db
    .selectFrom('appointments')
    .select(['mediator_id', 'starts_at', 'ends_at', 'buffer_until', 'mode'])
    .where('tenant_id', '=', tenantId)
    .where('mediator_id', 'in', mediatorIds)
    .where('starts_at', '>', new Date(Date.parse(from) - MAX_BLOCK_MS).toISOString())
    .where('starts_at', '<', to)
    .where('buffer_until', '>', from)
    .where('status', '<>', 'cancelled')
    .$narrowType<{ mediator_id: string }>()
    .execute();
}

/** Minutes counted against (organisation, action, school year), the given appointments left out. */
export async function billedMinutes(
  db: DbOrTx,
  tenantId: string,
  organisationId: string,
  action: PlanAction,
  schoolYear: string,
  excludeIds: string[] = [],
): Promise<number> {
  let q = db
    .selectFrom('appointments')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('billed_minutes'), eb.lit(0)).as('minutes'))
    .where('tenant_id', '=', tenantId)
    .where('organisation_id', '=', organisationId)
    .where('action', '=', action)
    .where('school_year', '=', schoolYear);
  if (excludeIds.length) q = q.where('id', 'not in', excludeIds);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.minutes);
}
