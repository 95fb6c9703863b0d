import { BOOKABLE_REQUEST_STATUSES } from '@ponte/forms';
import type { Submitter } from '../auth/actor.js';
import { audit } from '../audit/audit.js';
import type { DbOrTx, PlanAction } from '../db/database.js';
import { DomainError } from '../domain-error.js';
import { clinicianBooksConsultations, consultationBookedByClinicians } from '../scheduling/consultations.js';
import type { ServiceCall } from '../service-call.js';
import { canSeeMetadata, isSpecial } from '../submissions/visibility.js';
import { applyTransition, statusParams } from './apply-transition.js';
import { planActionOf, STATUS_NAMES, systemPath, type RequestStatus } from './lifecycle.js';
import * as repo from './request.repository.js';
import type { RequestRow } from './request.repository.js';

/*
 * Moves that follow from appointments and reports (Party 'system'), and what
 * a booking asks of the request it serves: called by the scheduling and
 * report services inside their own transactions.
 */

/** The statuses in which appointments and reports move a request. */
const APPOINTMENT_DRIVEN: readonly RequestStatus[] = ['approved', 'scheduled', 'held', 'not_held', 'reported', 'closed'];

/**
 * Where a request's appointments put it: approved when none is left (all
 * cancelled), scheduled while one is still to be held, reported once every
 * one held or not has its report, closed once every report is countersigned,
 * and held or not held in between.
 */
function statusFromAppointments(appointments: Awaited<ReturnType<typeof repo.appointmentsOf>>): RequestStatus {
  const live = appointments.filter((a) => a.status !== 'cancelled');
  if (live.length === 0) return 'approved';
  if (live.some((a) => a.status === 'scheduled')) return 'scheduled';
  // Reports are the mediators': a consultation without one has none to wait for, so once the clinicians record
  // its outcome the request goes through that outcome (held or not held, in its history) to closed.
  const due = live.filter((a) => a.mediatorId !== null);
  if (due.every((a) => a.report)) return due.every((a) => a.report!.status === 'countersigned') ? 'closed' : 'reported';
  return live.some((a) => a.status === 'held') ? 'held' : 'not_held';
}

/**
 * Brings a request in line with its appointments and reports, inside the
 * transaction of the change that moved them, through the system's moves of
 * the table; each step recorded as made by `who`, with `cause`. A closed
 * request stays closed unless a report of it is reopened.
 */
export async function followAppointments(
  trx: DbOrTx,
  call: ServiceCall<Submitter>,
  submissionId: string,
  cause: string,
  options: { reopening?: boolean } = {},
): Promise<void> {
  const { tenantId } = call.who;
  await repo.lockRequest(trx, tenantId, submissionId);
  const r = await repo.findRequest(trx, tenantId, submissionId);
  if (!r || !APPOINTMENT_DRIVEN.includes(r.status)) return;
  if (r.status === 'closed' && !options.reopening) return;
  const appointments = await repo.appointmentsOf(trx, tenantId, submissionId);
  const target = statusFromAppointments(appointments);
  const outcome = appointments.some((a) => a.status === 'held') ? 'held' : 'not_held';
  const path = systemPath(r.status, target, outcome);
  if (!path) throw new DomainError('CONFLICT', 'transitionNotAllowed', statusParams(r.status, target));
  for (const t of path) await applyTransition(trx, call, r, t, { cause });
}

/** What a booking asks of the request it serves. */
export interface Booking {
  organisationId: string;
  submissionId: string;
  action: PlanAction;
}

/**
 * Whether appointments may be booked for this submission by this caller: a
 * request of the organisation that the caller may see, an A.5 booked by
 * clinicians only and a clinician booking nothing else
 * (scheduling/consultations.ts), approved or scheduled
 * already, booked under the AZIONE of its form. Read again inside the
 * booking's transaction (onBooked), where it holds.
 */
export async function checkBookable(db: DbOrTx, call: ServiceCall<Submitter>, b: Booking): Promise<RequestRow> {
  const { who } = call;
  const s = await db.selectFrom('submissions').select(['id', 'form_id']).where('tenant_id', '=', who.tenantId).where('organisation_id', '=', b.organisationId).where('id', '=', b.submissionId).executeTakeFirst();
  if (!s) throw new DomainError('NOT_FOUND', 'submissionNotFound');
  const r = await repo.findRequest(db, who.tenantId, b.submissionId);
  if (!r) throw new DomainError('BAD_REQUEST', 'bookingNotARequest', {}, 'submissionId');
  clinicianBooksConsultations(who, r);
  const visible = who.kind === 'key' ? !isSpecial(r) : canSeeMetadata(who, r);
  if (!visible) throw new DomainError('NOT_FOUND', 'submissionNotFound');
  consultationBookedByClinicians(who, r);
  if (!BOOKABLE_REQUEST_STATUSES.includes(r.status)) {
    throw new DomainError('CONFLICT', 'bookingNeedsApproval', { protocol: r.protocol, status: STATUS_NAMES[r.status] }, 'submissionId');
  }
  const expected = planActionOf(r.formId, r.formVersion);
  if (expected !== undefined && b.action !== expected) {
    throw new DomainError('BAD_REQUEST', 'bookingWrongAction', { protocol: r.protocol, action: b.action, expected }, 'action');
  }
  return r;
}

/**
 * In a booking's transaction, after its rows are written: the request is
 * bookable still; its live appointments stay within the hours authorised
 * unless a coordinator overrides (audited); an approved request becomes
 * scheduled.
 */
export async function onBooked(trx: DbOrTx, call: ServiceCall<Submitter>, b: Booking & { minutes: number; override?: { reason: string } | undefined }): Promise<void> {
  await repo.lockRequest(trx, call.who.tenantId, b.submissionId);
  const r = await checkBookable(trx, call, b);
  await withinHoursAuthorised(trx, call, r, b.minutes, b.override);
  await followAppointments(trx, call, b.submissionId, 'appointment.booked');
}

/** In a reschedule's transaction that makes an appointment longer: it stays within its request's hours authorised, unless overridden. */
export async function onLengthened(trx: DbOrTx, call: ServiceCall<Submitter>, submissionId: string, addedMinutes: number, override: { reason: string } | undefined): Promise<void> {
  await repo.lockRequest(trx, call.who.tenantId, submissionId);
  const r = await repo.findRequest(trx, call.who.tenantId, submissionId);
  if (r) await withinHoursAuthorised(trx, call, r, addedMinutes, override);
}

/**
 * A request's live appointments (written already, so in the sum) stay within
 * its hours authorised, unless a coordinator overrides (audited). Cancelled
 * ones count for nothing here, even a late cancellation's minimum billable
 * time (that is the organisation's budget's, not the request's).
 */
async function withinHoursAuthorised(trx: DbOrTx, call: ServiceCall<Submitter>, r: RequestRow, addedMinutes: number, override: { reason: string } | undefined): Promise<void> {
  if (r.authorisedMinutes === null) return;
  const booked = await repo.liveBilledMinutesOf(trx, r.tenantId, r.id);
  if (booked <= r.authorisedMinutes) return;
  const params = { protocol: r.protocol, authorised: hoursText(r.authorisedMinutes), booked: hoursText(booked - addedMinutes), needed: hoursText(addedMinutes) };
  if (!override) throw new DomainError('PRECONDITION_FAILED', 'requestHoursExceeded', params);
  await audit(trx, call, 'request.hours_override', { type: 'submission', id: r.id }, { reason: override.reason, hoursAuthorised: r.authorisedMinutes / 60, hoursBooked: booked / 60 });
}

/** In an appointment's cancellation: the last one cancelled takes its request back to approved. */
export async function onAppointmentCancelled(trx: DbOrTx, call: ServiceCall<Submitter>, a: { submissionId: string | null }): Promise<void> {
  if (a.submissionId) await followAppointments(trx, call, a.submissionId, 'appointment.cancelled');
}

/**
 * In scheduling.setOutcome: refused once the appointment has its report
 * (the report says whether it was held); otherwise the request follows.
 */
export async function onOutcome(trx: DbOrTx, call: ServiceCall<Submitter>, a: { id: string; tenantId: string; submissionId: string | null }): Promise<void> {
  const report = await trx.selectFrom('reports').select('id').where('tenant_id', '=', a.tenantId).where('appointment_id', '=', a.id).executeTakeFirst();
  if (report) throw new DomainError('CONFLICT', 'outcomeFromReport');
  if (a.submissionId) await followAppointments(trx, call, a.submissionId, 'appointment.outcome');
}

/** Minutes as hours in each language's notation, for messages (1,5 / 1.5). */
function hoursText(minutes: number) {
  const h = minutes / 60;
  return { it: h.toLocaleString('it-IT', { maximumFractionDigits: 2 }), en: h.toLocaleString('en-GB', { maximumFractionDigits: 2 }) };
}
