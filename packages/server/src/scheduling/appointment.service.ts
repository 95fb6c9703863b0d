import { DateTime } from 'luxon';
import type { StaffUser, Submitter } from '../auth/actor.js';
import { audit } from '../audit/audit.js';
import type { AppointmentMode, Db, PlanAction } from '../db/database.js';
import { newId } from '../ids.js';
import { writeTransaction } from '../db/write-transaction.js';
import { emit } from '../events/emit.js';
import { canSeeMetadata } from '../submissions/visibility.js';
import { findOrganisation } from '../organisations/organisation.repository.js';
import { DomainError } from '../domain-error.js';
import { isCoordinator } from '../auth/actor.js';
import type { ServiceCall, StaffCall } from '../service-call.js';
import { listAppointments, saveAppointment, type Appointment } from './appointment.repository.js';
import { availableIntervals } from '../availability/availability-expansion.js';
import { exceptionsOf, rulesOf } from '../availability/availability.repository.js';
import { commitAppointments, type Override } from './booking-guard.js';
import { appointmentsOfBooking, bookingHash, findKeyedBooking, markKeyedBooking } from './booking-keys.js';
import { findMediator, findMediatorByUser } from '../mediators/mediator.repository.js';
import { bufferUntilOf, placeKeyOf } from './placement.js';
import { schoolYearOf } from '../budgets/school-year.js';
import type { SchedulingSettings } from './settings.repository.js';
import { ZoneCalendar } from './zone-calendar.js';
import { cancelAppointment } from './cancel-appointment.js';
import { view, visible } from './appointment-access.js';
import { clinicianBooksARequest, isClinician } from './consultations.js';
import { checkBookable, onAppointmentCancelled, onBooked, onLengthened, onOutcome } from '../requests/follow-appointments.js';

const DAY_MS = 86_400_000;

export interface BookInput {
  /** null: a consultation (A.5) the clinicians hold without a mediator */
  mediatorId: string | null;
  organisationId?: string | undefined;
  submissionId?: string | undefined;
  action: PlanAction;
  start: string;
  durationMinutes: number;
  mode: AppointmentMode;
  place?: string | undefined;
  caseCode?: string | undefined;
  series?: { weeklyCount?: number | undefined; starts?: string[] | undefined } | undefined;
  override?: boolean | undefined;
  overrideReason?: string | undefined;
  /** the same key on a retry answers the same appointments */
  idempotencyKey?: string | undefined;
}

/**
 * Who books for which organisation: a key or a referent for their own,
 * coordinators for any of the tenant, clinicians for the organisation of the
 * consultation they book (checkBookable holds them to it).
 */
function organisationFor(who: Submitter, requested: string | undefined, submissionId: string | undefined): string {
  clinicianBooksARequest(who, submissionId);
  if (who.kind === 'key') {
    if (requested && requested !== who.organisationId) throw new DomainError('FORBIDDEN', 'keyOtherOrganisation');
    return who.organisationId;
  }
  if (isCoordinator(who) || isClinician(who)) {
    if (!requested) throw new DomainError('BAD_REQUEST', 'organisationRequired', {}, 'organisationId');
    return requested;
  }
  if (who.role === 'requester' && who.organisationId) {
    if (requested && requested !== who.organisationId) throw new DomainError('FORBIDDEN', 'forbiddenRole');
    return who.organisationId;
  }
  throw new DomainError('FORBIDDEN', 'forbiddenRole');
}

function overrideOf(who: Submitter, input: { override?: boolean | undefined; overrideReason?: string | undefined }): Override | undefined {
  if (!input.override) return undefined;
  if (!isCoordinator(who)) throw new DomainError('FORBIDDEN', 'overrideNotAllowed');
  const reason = input.overrideReason?.trim();
  if (!reason) throw new DomainError('BAD_REQUEST', 'overrideReasonRequired', {}, 'overrideReason');
  return { reason };
}

/** The longest a series may run: a school year, with room for its first and last week. */
export const MAX_SERIES_DAYS = 366;

/** The start instants of a booking: one, weekly at the same local time, or the dates given (all within MAX_SERIES_DAYS). */
function occurrences(start: string, series: BookInput['series'], zone: string): Date[] {
  if (!series) return [new Date(start)];
  if (series.weeklyCount !== undefined && series.starts !== undefined) throw new DomainError('BAD_REQUEST', 'seriesShape', {}, 'series');
  if (series.weeklyCount !== undefined) {
    // Weeks are added in the tenant's zone, so the series keeps its local time across a change of offset.
    const first = DateTime.fromISO(start, { zone });
    return Array.from({ length: series.weeklyCount }, (_, i) => first.plus({ weeks: i }).toJSDate());
  }
  if (series.starts !== undefined) {
    const all = [new Date(start), ...series.starts.map((s) => new Date(s))];
    const times = all.map((d) => d.getTime());
    const earliest = Math.min(...times);
    const latest = Math.max(...times);
    if (latest - earliest > MAX_SERIES_DAYS * DAY_MS) {
      // Named at a date of the list: the latest, or the earliest when the latest is `start`.
      const at = times.indexOf(latest) > 0 ? times.indexOf(latest) : times.indexOf(earliest);
      throw new DomainError('BAD_REQUEST', 'seriesTooLong', { days: MAX_SERIES_DAYS }, `series.starts.${at - 1}`);
    }
    return all;
  }
  throw new DomainError('BAD_REQUEST', 'seriesShape', {}, 'series');
}

/**
 * What an appointment counts against the budget: its length, at least the
 * minimum billable time. The budgets count mediators' hours, so a
 * consultation without a mediator counts none.
 */
function billed(mediatorId: string | null, durationMinutes: number, settings: SchedulingSettings): number {
  return mediatorId ? Math.max(durationMinutes, settings.minimumBillableMinutes) : 0;
}

/**
 * Bookings not made by a coordinator must fall inside the mediator's
 * declared availability. Each occurrence is held to the days around it
 * alone: the work grows with the occurrences, never with the time between
 * them.
 */
async function checkAvailability(db: Db, tenantId: string, mediatorId: string, zone: string, spans: { start: Date; end: Date }[]): Promise<void> {
  const days = spans.map((s) => new ZoneCalendar(zone, new Date(s.start.getTime() - DAY_MS), new Date(s.end.getTime() + DAY_MS)));
  const dates = days.flatMap((cal) => cal.days.map((d) => d.date)).sort();
  const [rules, exceptions] = await Promise.all([rulesOf(db, tenantId, [mediatorId]), exceptionsOf(db, tenantId, [mediatorId], dates[0], dates.at(-1))]);
  for (const [i, s] of spans.entries()) {
    const open = availableIntervals(days[i]!, rules, exceptions);
    if (!open.some((o) => o.start <= s.start.getTime() && s.end.getTime() <= o.end)) {
      throw new DomainError('CONFLICT', 'outsideAvailability', {}, i === 0 ? 'start' : `occurrences.${i}`);
    }
  }
}

/**
 * Books, or with an idempotency key already used by the organisation,
 * answers the booking made with it (a retry after a lost answer). A retry
 * racing its first attempt fails on the key's unique index or on the
 * overlap with its own appointment: either way the key then finds it.
 */
export async function book(call: ServiceCall<Submitter>, input: BookInput) {
  const { db, who } = call;
  const organisationId = organisationFor(who, input.organisationId, input.submissionId);
  const key = input.idempotencyKey;
  if (!key) return bookAnew(call, input, organisationId, undefined);
  const requestHash = bookingHash({ ...input, organisationId });
  const replay = async () => {
    const earlier = await findKeyedBooking(db, who.tenantId, organisationId, key);
    if (!earlier) return undefined;
    if (earlier.requestHash !== requestHash) throw new DomainError('CONFLICT', 'idempotencyConflict');
    const rows = await appointmentsOfBooking(db, who.tenantId, earlier);
    return { seriesId: earlier.seriesId, appointments: rows.map(view) };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    return await bookAnew(call, input, organisationId, { key, requestHash });
  } catch (error) {
    const winner = await replay();
    if (winner) return winner;
    throw error;
  }
}

/**
 * The mediator a booking takes, active; null for a consultation the
 * clinicians hold without one (docs/architecture.md#booking): an A.5 of theirs
 * (checkBookable holds them to it), one meeting at a time, as a series row
 * belongs to a mediator.
 */
async function bookedMediator(db: Db, who: Submitter, input: BookInput) {
  if (input.mediatorId === null) {
    if (!isClinician(who) || !input.submissionId) throw new DomainError('BAD_REQUEST', 'mediatorRequired', {}, 'mediatorId');
    if (input.series) throw new DomainError('BAD_REQUEST', 'seriesNeedsMediator', {}, 'series');
    return null;
  }
  const mediator = await findMediator(db, who.tenantId, input.mediatorId);
  if (!mediator) throw new DomainError('NOT_FOUND', 'mediatorNotFound');
  if (!mediator.active) throw new DomainError('CONFLICT', 'mediatorInactive', {}, 'mediatorId');
  return mediator;
}

async function bookAnew(call: ServiceCall<Submitter>, input: BookInput, organisationId: string, keyed: { key: string; requestHash: string } | undefined) {
  const { db, who } = call;
  const override = overrideOf(who, input);
  const organisation = await findOrganisation(db, who.tenantId, organisationId);
  if (!organisation) throw new DomainError('NOT_FOUND', 'organisationUnknown');
  const mediator = await bookedMediator(db, who, input);
  // NOTE: a request is booked once approved (requests/lifecycle.ts); the booking moves it to scheduled.
  const submissionId = input.submissionId;
  if (submissionId) await checkBookable(db, call, { organisationId, submissionId, action: input.action });
  const place = (input.place ?? '').trim();
  if (input.mode === 'in_person' && !place) throw new DomainError('BAD_REQUEST', 'placeRequired', {}, 'place');
  const tenant = await call.tenant();
  const { settings } = tenant;

  const starts = occurrences(input.start, input.series, tenant.timeZone);
  const spans = starts.map((start) => ({ start, end: new Date(start.getTime() + input.durationMinutes * 60_000) }));
  // Those who schedule for others (coordinators; clinicians their consultations) may record a meeting
  // already held, such as an urgent one arranged by phone; keys and referents book ahead only.
  const recordsHeld = isCoordinator(who) || isClinician(who);
  const past = recordsHeld ? -1 : spans.findIndex((s) => s.start.getTime() < call.now.getTime());
  if (past >= 0) throw new DomainError('BAD_REQUEST', 'startInPast', {}, spans.length > 1 ? `occurrences.${past}` : 'start');
  if (!isCoordinator(who) && mediator) await checkAvailability(db, who.tenantId, mediator.id, tenant.timeZone, spans);

  const at = call.now.toISOString();
  const seriesId = spans.length > 1 ? newId() : null;
  const rows: Appointment[] = spans.map(({ start, end }) => ({
    id: newId(),
    tenantId: who.tenantId,
    mediatorId: mediator?.id ?? null,
    organisationId,
    submissionId: input.submissionId ?? null,
    seriesId,
    action: input.action,
    schoolYear: schoolYearOf(start, tenant.timeZone),
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    bufferUntil: bufferUntilOf(end, input.mode, settings.travelBufferMinutes).toISOString(),
    mode: input.mode,
    place,
    placeKey: placeKeyOf(place),
    caseCode: (input.caseCode ?? '').trim(),
    status: 'scheduled',
    sequence: 0,
    billedMinutes: billed(mediator?.id ?? null, input.durationMinutes, settings),
    cancelledAt: null,
    cancellation: null,
    createdAt: at,
    updatedAt: at,
  }));
  await commitAppointments(call, {
    inserts: rows,
    updates: [],
    ...(seriesId && mediator ? { series: { id: seriesId, tenantId: who.tenantId, mediatorId: mediator.id, organisationId, createdAt: at } } : {}),
    override,
    auditAction: 'appointment.booked',
    auditDetails: seriesId ? { seriesId } : {},
    event: { type: 'appointment.booked', appointmentIds: rows.map((a) => a.id), seriesId, requestId: submissionId ?? null, organisationId, mediatorId: mediator?.id ?? null, action: input.action },
    alsoInTransaction: async (trx) => {
      if (submissionId) await onBooked(trx, call, { organisationId, submissionId, action: input.action, minutes: rows.reduce((m, a) => m + a.billedMinutes, 0), override });
      if (keyed) await markKeyedBooking(trx, who.tenantId, rows[0]!.id, keyed.key, keyed.requestHash);
    },
  });
  return { seriesId, appointments: rows.map(view) };
}

export async function get(call: StaffCall, input: { id: string }) {
  return view(await visible(call.db, call.who, input.id));
}

/** The widest window a list reads: a school year. What it costs grows with the rows in it. */
export const MAX_LIST_DAYS = 366;

export async function list(call: StaffCall, f: { from: string; to: string; mediatorId?: string | undefined; organisationId?: string | undefined }) {
  const { db, who: user } = call;
  const width = Date.parse(f.to) - Date.parse(f.from);
  if (width < 0) throw new DomainError('BAD_REQUEST', 'windowOrder', {}, 'to');
  if (width > MAX_LIST_DAYS * DAY_MS) throw new DomainError('BAD_REQUEST', 'windowTooLong', { days: MAX_LIST_DAYS }, 'to');
  const filter = { ...f };
  if (user.role === 'mediator') {
    const own = await findMediatorByUser(db, user.tenantId, user.userId);
    if (!own || (f.mediatorId && f.mediatorId !== own.id)) return [];
    filter.mediatorId = own.id;
  } else if (user.role === 'requester' || user.role === 'clinician') {
    if (user.role === 'requester') {
      if (!user.organisationId || (f.organisationId && f.organisationId !== user.organisationId)) return [];
      filter.organisationId = user.organisationId;
    }
    const rows = await listAppointments(db, user.tenantId, filter);
    const hidden = await hiddenRequests(db, user, rows);
    // A referent also sees their organisation's appointments that serve no request; a clinician only consultations' (A.5).
    const bare = user.role === 'requester';
    return rows.filter((a) => (a.submissionId ? !hidden.has(a.submissionId) : bare)).map(view);
  } else if (!isCoordinator(user)) {
    throw new DomainError('FORBIDDEN', 'forbiddenRole');
  }
  return (await listAppointments(db, user.tenantId, filter)).map(view);
}

/** Of the requests these appointments serve, those the caller may not see (a referent a colleague's A.5, a clinician any A.1 or A.3): one query. */
async function hiddenRequests(db: Db, user: StaffUser, rows: Appointment[]): Promise<Set<string>> {
  const ids = [...new Set(rows.flatMap((a) => (a.submissionId ? [a.submissionId] : [])))];
  if (ids.length === 0) return new Set();
  const requests = await db
    .selectFrom('submissions')
    .select(['id', 'form_id', 'form_version', 'organisation_id', 'submitted_by_user_id'])
    .where('tenant_id', '=', user.tenantId)
    .where('id', 'in', ids)
    .execute();
  return new Set(
    requests
      .filter((r) => !canSeeMetadata(user, { formId: r.form_id, formVersion: r.form_version, organisationId: r.organisation_id, submittedByUserId: r.submitted_by_user_id }))
      .map((r) => r.id),
  );
}

function changeable(a: Appointment): void {
  if (a.status !== 'scheduled') throw new DomainError('CONFLICT', 'appointmentNotChangeable');
}

/** Moves an appointment, keeping its id (and iCal UID) and raising its SEQUENCE. Coordinators (scheduling.router.ts). */
export async function reschedule(
  call: StaffCall,
  input: { id: string; start: string; durationMinutes?: number | undefined; override?: boolean | undefined; overrideReason?: string | undefined },
) {
  const override = overrideOf(call.who, input);
  const a = await visible(call.db, call.who, input.id);
  changeable(a);
  const tenant = await call.tenant();
  const { settings } = tenant;
  const duration = input.durationMinutes ?? (Date.parse(a.endsAt) - Date.parse(a.startsAt)) / 60_000;
  const start = new Date(input.start);
  const end = new Date(start.getTime() + duration * 60_000);
  const moved: Appointment = {
    ...a,
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    bufferUntil: bufferUntilOf(end, a.mode, settings.travelBufferMinutes).toISOString(),
    schoolYear: schoolYearOf(start, tenant.timeZone),
    billedMinutes: billed(a.mediatorId, duration, settings),
    sequence: a.sequence + 1,
    updatedAt: call.now.toISOString(),
  };
  await commitAppointments(call, {
    inserts: [],
    updates: [moved],
    budgetUnchanged: moved.schoolYear === a.schoolYear && moved.billedMinutes <= a.billedMinutes,
    override,
    ...(a.submissionId && moved.billedMinutes > a.billedMinutes
      ? { alsoInTransaction: (trx) => onLengthened(trx, call, a.submissionId!, moved.billedMinutes - a.billedMinutes, override) }
      : {}),
    auditAction: 'appointment.rescheduled',
    auditDetails: { from: { startsAt: a.startsAt, endsAt: a.endsAt } },
    event: { type: 'appointment.moved', appointmentId: a.id, requestId: a.submissionId, sequence: moved.sequence },
  });
  return view(moved);
}

/**
 * Cancels, keeping the row (an iCal reader needs STATUS:CANCELLED under the
 * same UID). Inside the tenant's notice the minimum billable time still
 * counts against the budget; before it, nothing does. Clinicians cancel the
 * consultations they see (visible); to move one they cancel and book again,
 * which checks the mediator's availability that reschedule, a coordinator's
 * move, does not.
 */
export async function cancel(call: StaffCall, input: { id: string; reason?: string | undefined }) {
  const a = await visible(call.db, call.who, input.id);
  changeable(a);
  const cancelled = await writeTransaction(call.db, call.dialect, async (trx) => {
    const done = await cancelAppointment(trx, call, a, input.reason ?? '');
    await onAppointmentCancelled(trx, call, a);
    return done;
  });
  return view(cancelled);
}

/** Records whether the meeting took place: coordinators, or the mediator who held it. */
export async function setOutcome(call: StaffCall, input: { id: string; outcome: 'held' | 'not_held' }) {
  const a = await visible(call.db, call.who, input.id);
  // visible() holds a mediator to their own and a clinician to consultations; of those, clinicians record
  // the ones held without a mediator: a mediator's outcome is theirs (their report).
  if (call.who.role === 'clinician' && a.mediatorId !== null) throw new DomainError('FORBIDDEN', 'forbiddenRole');
  if (a.status === 'cancelled') throw new DomainError('CONFLICT', 'appointmentNotChangeable');
  if (Date.parse(a.startsAt) > call.now.getTime()) throw new DomainError('CONFLICT', 'outcomeTooEarly');
  const done: Appointment = { ...a, status: input.outcome, sequence: a.sequence + 1, updatedAt: call.now.toISOString() };
  await writeTransaction(call.db, call.dialect, async (trx) => {
    await saveAppointment(trx, done);
    await onOutcome(trx, call, a);
    await audit(trx, call, `appointment.${input.outcome}`, { type: 'appointment', id: a.id }, { sequence: done.sequence });
    await emit(trx, call, { type: 'appointment.outcome_recorded', appointmentId: a.id, requestId: a.submissionId, outcome: input.outcome });
  });
  return view(done);
}
