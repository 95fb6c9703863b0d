import { getForm, validateSubmission, withoutDerivedFields, type FieldDefinition, type FieldErrors, type FormDefinition, type Locale } from '@ponte/forms';
import { DateTime } from 'luxon';
import { isCoordinator, type StaffUser } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DialectName } from '../db/connect.js';
import type { Db, DbOrTx } from '../db/database.js';
import { isUniqueViolation } from '../db/errors.js';
import { writeTransaction } from '../db/write-transaction.js';
import { serverMessage } from '../i18n/messages.js';
import { newId } from '../ids.js';
import { followAppointments } from '../requests/request.service.js';
import { findAppointment, saveAppointment, type Appointment } from '../scheduling/appointment.repository.js';
import { mediatorOfUser } from '../scheduling/mediator.repository.js';
import { findSettings, type SchedulingSettings } from '../scheduling/settings.repository.js';
import { stampSignatures } from '../submissions/signatures.js';
import { SPECIAL_FORM_IDS } from '../submissions/visibility.js';
import { findOrganisation, findTenant } from '../tenancy/organisation.repository.js';
import { DomainError } from '../trpc/errors.js';
import { findReport, findReportOfAppointment, insertReport, listReports, saveReport, type Report } from './report.repository.js';

/*
 * Reports (A.2 schools, A.4 services): one per appointment, filed by the
 * mediator who held it, countersigned by a referent of the organisation
 * that received it. Until countersigned its mediator may correct it; after,
 * only a coordinator reopens it (audited), and it awaits a new countersign.
 *
 * What a report moves: the appointment's outcome (the report says whether
 * it was held), and the request it serves (requests/request.service.ts
 * followAppointments): reported once every appointment of it held or not
 * has its report, closed once every one of those is countersigned.
 */

/** The report form of each kind of organisation. */
const REPORT_FORMS = { school: 'school-report', service: 'service-report' } as const;

/** The mediator's own signature field: every other signature of a report is the requester's countersignature. */
const MEDIATOR_SIGNATURE = 'mediatorSignature';

interface Options {
  dialect: DialectName;
  locale: Locale;
  now: Date;
}

function fieldsOf(def: FormDefinition): FieldDefinition[] {
  return def.sections.flatMap((s) => s.fields);
}

/** The fields a referent fills when countersigning: those of the section holding their signature. */
function countersignPart(def: FormDefinition): { signature: string; rating: string | undefined; keys: string[] } {
  const section = def.sections.find((s) => s.fields.some((f) => f.kind === 'signature' && f.key !== MEDIATOR_SIGNATURE));
  const signature = section?.fields.find((f) => f.kind === 'signature' && f.key !== MEDIATOR_SIGNATURE)?.key;
  if (!section || !signature) throw new Error(`${def.id} v${def.version} has no countersignature field`);
  return { signature, rating: section.fields.find((f) => f.kind === 'likert')?.key, keys: section.fields.map((f) => f.key) };
}

/** Stored data as the form takes it in: signatures without the server's stamps, no derived fields. */
function asSent(def: FormDefinition, data: Record<string, unknown>): Record<string, unknown> {
  const copy = withoutDerivedFields(def, data);
  for (const f of fieldsOf(def)) {
    const value = copy[f.key] as { name?: unknown; confirmed?: unknown } | undefined;
    if (f.kind === 'signature' && value && typeof value === 'object') copy[f.key] = { name: value.name, confirmed: value.confirmed };
  }
  return copy;
}

/** Puts back the stamps of signatures that did not change. */
function restamped(def: FormDefinition, data: Record<string, unknown>, stored: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...data };
  for (const f of fieldsOf(def)) {
    if (f.kind === 'signature' && copy[f.key] && stored[f.key]) copy[f.key] = { ...(stored[f.key] as object), ...(copy[f.key] as object) };
  }
  return copy;
}

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/**
 * What counts against the budget, under the tenant's rules: a session held
 * for its length, at least the minimum billable time; one not held counts
 * the minimum billable time when it was called off inside the notice (or
 * not at all), unless the mediator called it off; otherwise nothing.
 */
function countedMinutes(outcome: Report['outcome'], delivered: number, data: Record<string, unknown>, settings: SchedulingSettings): number {
  if (outcome === 'held') return Math.max(delivered, settings.minimumBillableMinutes);
  if (data.notHeldReason === 'disdetta-mediatore') return 0;
  const notice = typeof data.noticeHours === 'number' ? data.noticeHours : 0;
  return notice < settings.cancellationNoticeHours ? settings.minimumBillableMinutes : 0;
}

function formInvalid(fieldErrors: FieldErrors): DomainError {
  return new DomainError('BAD_REQUEST', 'formInvalid', {}, fieldErrors);
}

/**
 * The mediator's part of a report, validated by its form: no countersign
 * fields, the session on the appointment's day. Answers the data as the form
 * normalises it, the outcome and the minutes delivered.
 */
async function mediatorPart(db: Db, def: FormDefinition, input: Record<string, unknown>, a: Appointment, locale: Locale) {
  const label = (key: string) => fieldsOf(def).find((f) => f.key === key)?.label[locale] ?? key;
  const countersign = countersignPart(def).keys.filter((key) => input[key] !== undefined);
  if (countersign.length > 0) {
    throw formInvalid(Object.fromEntries(countersign.map((key) => [key, serverMessage('reportCountersignField', locale, { label: label(key) })])));
  }
  const result = validateSubmission(def, input, locale);
  if (!result.ok) throw formInvalid(result.fieldErrors);
  const data = result.data;
  const zone = (await findTenant(db, a.tenantId))!.timeZone;
  const day = DateTime.fromISO(a.startsAt, { zone }).toISODate()!;
  if (data.sessionDate !== day) {
    const shown = DateTime.fromISO(day).toFormat('dd/MM/yyyy');
    throw formInvalid({ sessionDate: serverMessage('reportDateMismatch', locale, { label: label('sessionDate'), date: shown }) });
  }
  const outcome: Report['outcome'] = data.status === 'svolto' ? 'held' : 'not_held';
  const delivered = outcome === 'held' ? minutesOf(String(data.endTime)) - minutesOf(String(data.startTime)) : 0;
  return { data, outcome, delivered };
}

/** The caller's mediator profile: reports are filed and corrected by mediators only. */
async function ownMediator(db: DbOrTx, user: StaffUser): Promise<string> {
  if (user.role !== 'mediator') throw new DomainError('FORBIDDEN', 'reportByMediator');
  const id = await mediatorOfUser(db, user.tenantId, user.userId);
  if (!id) throw new DomainError('FORBIDDEN', 'noMediatorProfile');
  return id;
}

/** The appointment takes the outcome its report gives, in the report's transaction. */
async function applyOutcome(trx: DbOrTx, user: StaffUser, appointmentId: string, outcome: Report['outcome'], at: string): Promise<void> {
  const a = (await findAppointment(trx, user.tenantId, appointmentId))!;
  if (a.status === 'cancelled') throw new DomainError('CONFLICT', 'reportAppointmentCancelled');
  if (a.status === outcome) return;
  const done: Appointment = { ...a, status: outcome, sequence: a.sequence + 1, updatedAt: at };
  await saveAppointment(trx, done);
  await recordAudit(trx, {
    tenantId: a.tenantId,
    actor: { kind: 'user', id: user.userId },
    action: `appointment.${outcome}`,
    subject: { type: 'appointment', id: a.id },
    details: { sequence: done.sequence, via: 'report' },
    at,
  });
}

async function follow(trx: DbOrTx, user: StaffUser, r: Report, at: string, cause: string, reopening = false): Promise<void> {
  if (r.submissionId) await followAppointments(trx, user, r.tenantId, r.submissionId, at, cause, { reopening });
}

/** What callers see of a report. */
function view(r: Report) {
  const { tenantId: _t, ...rest } = r;
  return rest;
}

export interface FileInput {
  appointmentId: string;
  data: Record<string, unknown>;
  version?: number | undefined;
}

/**
 * Files the report of an appointment: only its own mediator, once it has
 * started, one per appointment. The appointment takes the report's outcome
 * and the request it serves moves on, in one transaction.
 */
export async function file(db: Db, user: StaffUser, input: FileInput, o: Options) {
  const mediatorId = await ownMediator(db, user);
  const a = await findAppointment(db, user.tenantId, input.appointmentId);
  if (!a) throw new DomainError('NOT_FOUND', 'appointmentNotFound');
  if (a.mediatorId !== mediatorId) throw new DomainError('FORBIDDEN', 'reportOwnAppointmentsOnly');
  if (a.status === 'cancelled') throw new DomainError('CONFLICT', 'reportAppointmentCancelled');
  if (Date.parse(a.startsAt) > o.now.getTime()) throw new DomainError('CONFLICT', 'reportTooEarly');
  const organisation = (await findOrganisation(db, user.tenantId, a.organisationId))!;
  const formId = REPORT_FORMS[organisation.kind];
  const def = getForm(formId, input.version);
  if (!def) throw new DomainError('NOT_FOUND', 'formUnknown', { formId, version: input.version ?? '' }, 'version');
  const { data, outcome, delivered } = await mediatorPart(db, def, input.data, a, o.locale);
  const settings = await findSettings(db, user.tenantId);
  const at = o.now.toISOString();
  const report: Report = {
    id: newId(),
    tenantId: user.tenantId,
    appointmentId: a.id,
    submissionId: a.submissionId,
    organisationId: a.organisationId,
    mediatorId,
    formId: def.id,
    formVersion: def.version,
    data: stampSignatures(def, data, user, at),
    outcome,
    deliveredMinutes: delivered,
    countedMinutes: countedMinutes(outcome, delivered, data, settings),
    status: 'filed',
    revision: 1,
    filedByUserId: user.userId,
    filedAt: at,
    updatedAt: at,
    countersignedAt: null,
    countersignedByUserId: null,
  };
  const exists = (found: Report) => new DomainError('CONFLICT', 'reportExists', { id: found.id });
  try {
    await writeTransaction(db, o.dialect, async (trx) => {
      const earlier = await findReportOfAppointment(trx, user.tenantId, a.id);
      if (earlier) throw exists(earlier);
      await insertReport(trx, report);
      await applyOutcome(trx, user, a.id, outcome, at);
      await recordAudit(trx, {
        tenantId: user.tenantId,
        actor: { kind: 'user', id: user.userId },
        action: 'report.filed',
        subject: { type: 'report', id: report.id },
        details: { appointmentId: a.id, formId: def.id, version: def.version, outcome, deliveredMinutes: delivered, countedMinutes: report.countedMinutes },
        at,
      });
      await follow(trx, user, report, at, 'report.filed');
    });
  } catch (error) {
    // Two filings raced past the check: the unique appointment_id refused the second.
    const winner = isUniqueViolation(error) ? await findReportOfAppointment(db, user.tenantId, a.id) : undefined;
    if (winner) throw exists(winner);
    throw error;
  }
  return view(report);
}

/** Corrects a report not yet countersigned: its own mediator only; minutes, outcome and request follow. */
export async function correct(db: Db, user: StaffUser, input: { id: string; data: Record<string, unknown> }, o: Options) {
  const mediatorId = await ownMediator(db, user);
  const r = await findReport(db, user.tenantId, input.id);
  if (!r) throw new DomainError('NOT_FOUND', 'reportNotFound');
  if (r.mediatorId !== mediatorId) throw new DomainError('FORBIDDEN', 'reportOwnOnly');
  if (r.status === 'countersigned') throw new DomainError('CONFLICT', 'reportCountersigned');
  const def = getForm(r.formId, r.formVersion)!;
  const a = (await findAppointment(db, user.tenantId, r.appointmentId))!;
  const { data, outcome, delivered } = await mediatorPart(db, def, input.data, a, o.locale);
  const settings = await findSettings(db, user.tenantId);
  const at = o.now.toISOString();
  const corrected: Report = {
    ...r,
    data: stampSignatures(def, data, user, at),
    outcome,
    deliveredMinutes: delivered,
    countedMinutes: countedMinutes(outcome, delivered, data, settings),
    revision: r.revision + 1,
    updatedAt: at,
  };
  await writeTransaction(db, o.dialect, async (trx) => {
    await saveReport(trx, corrected);
    await applyOutcome(trx, user, r.appointmentId, outcome, at);
    await recordAudit(trx, {
      tenantId: user.tenantId,
      actor: { kind: 'user', id: user.userId },
      action: 'report.corrected',
      subject: { type: 'report', id: r.id },
      details: {
        revision: corrected.revision,
        before: { outcome: r.outcome, deliveredMinutes: r.deliveredMinutes, countedMinutes: r.countedMinutes },
        after: { outcome, deliveredMinutes: delivered, countedMinutes: corrected.countedMinutes },
      },
      at,
    });
    await follow(trx, user, corrected, at, 'report.corrected');
  });
  return view(corrected);
}

/**
 * The requester's countersignature: a signed-in referent of the organisation
 * that received the session confirms it, with their name and the time
 * stamped, and may rate it. The last countersign of a request closes it.
 */
export async function countersign(db: Db, user: StaffUser, input: { id: string; rating?: number | undefined }, o: Options) {
  if (user.role !== 'requester') throw new DomainError('FORBIDDEN', 'countersignByRequester');
  const r = await findReport(db, user.tenantId, input.id);
  if (!r || r.organisationId !== user.organisationId) throw new DomainError('NOT_FOUND', 'reportNotFound');
  if (r.status === 'countersigned') throw new DomainError('CONFLICT', 'reportCountersigned');
  const def = getForm(r.formId, r.formVersion)!;
  const part = countersignPart(def);
  const candidate: Record<string, unknown> = {
    ...asSent(def, r.data),
    [part.signature]: { name: user.displayName, confirmed: true },
    ...(input.rating !== undefined && part.rating ? { [part.rating]: input.rating } : {}),
  };
  const result = validateSubmission(def, candidate, o.locale);
  if (!result.ok) {
    // The rating is the only thing the caller sent: name it as they did.
    throw formInvalid(Object.fromEntries(Object.entries(result.fieldErrors).map(([key, message]) => [key === part.rating ? 'rating' : key, message])));
  }
  const at = o.now.toISOString();
  const signed = stampSignatures(def, { [part.signature]: result.data[part.signature] }, user, at);
  const countersigned: Report = {
    ...r,
    data: { ...restamped(def, result.data, r.data), ...signed },
    status: 'countersigned',
    countersignedAt: at,
    countersignedByUserId: user.userId,
    revision: r.revision + 1,
    updatedAt: at,
  };
  await writeTransaction(db, o.dialect, async (trx) => {
    await saveReport(trx, countersigned);
    await recordAudit(trx, {
      tenantId: user.tenantId,
      actor: { kind: 'user', id: user.userId },
      action: 'report.countersigned',
      subject: { type: 'report', id: r.id },
      details: { name: user.displayName, revision: countersigned.revision, ...(part.rating && result.data[part.rating] !== undefined ? { rating: result.data[part.rating] } : {}) },
      at,
    });
    await follow(trx, user, countersigned, at, 'report.countersigned');
  });
  return view(countersigned);
}

/**
 * Reopens a countersigned report: coordinators only, with a reason, audited
 * with the countersignature it removes. Its mediator may correct it again and
 * the referent countersigns anew; a request closed by it is reported again.
 */
export async function reopen(db: Db, user: StaffUser, input: { id: string; reason: string }, o: Options) {
  if (!isCoordinator(user)) throw new DomainError('FORBIDDEN', 'forbiddenRole');
  const reason = input.reason.trim();
  if (!reason) throw new DomainError('BAD_REQUEST', 'reasonRequired', {}, 'reason');
  const r = await findReport(db, user.tenantId, input.id);
  if (!r) throw new DomainError('NOT_FOUND', 'reportNotFound');
  if (r.status !== 'countersigned') throw new DomainError('CONFLICT', 'reportNotCountersigned');
  const def = getForm(r.formId, r.formVersion)!;
  const part = countersignPart(def);
  const at = o.now.toISOString();
  const reopened: Report = {
    ...r,
    data: Object.fromEntries(Object.entries(r.data).filter(([key]) => !part.keys.includes(key))),
    status: 'filed',
    countersignedAt: null,
    countersignedByUserId: null,
    revision: r.revision + 1,
    updatedAt: at,
  };
  await writeTransaction(db, o.dialect, async (trx) => {
    await saveReport(trx, reopened);
    await recordAudit(trx, {
      tenantId: user.tenantId,
      actor: { kind: 'user', id: user.userId },
      action: 'report.reopened',
      subject: { type: 'report', id: r.id },
      details: {
        reason,
        revision: reopened.revision,
        removed: { countersignedAt: r.countersignedAt, countersignedBy: r.countersignedByUserId, countersignature: r.data[part.signature] ?? null },
      },
      at,
    });
    await follow(trx, user, reopened, at, 'report.reopened', true);
  });
  return view(reopened);
}

/** Whether the request a report serves is special-category (A.5): what its clinicians may see. */
async function servesConsultation(db: Db, r: Report): Promise<boolean> {
  if (!r.submissionId) return false;
  const s = await db.selectFrom('submissions').select('form_id').where('tenant_id', '=', r.tenantId).where('id', '=', r.submissionId).executeTakeFirst();
  return s !== undefined && SPECIAL_FORM_IDS.includes(s.form_id);
}

/**
 * Who sees a report: coordinators and admins all of the tenant, its
 * mediator, the referents of the organisation that received the session,
 * and clinicians those of the consultations (A.5).
 */
async function canSee(db: Db, user: StaffUser, r: Report): Promise<boolean> {
  if (isCoordinator(user)) return true;
  switch (user.role) {
    case 'mediator':
      return r.mediatorId === (await mediatorOfUser(db, user.tenantId, user.userId));
    case 'requester':
      return r.organisationId === user.organisationId;
    case 'clinician':
      return servesConsultation(db, r);
    default:
      return false;
  }
}

export async function get(db: Db, user: StaffUser, id: string) {
  const r = await findReport(db, user.tenantId, id);
  if (!r || !(await canSee(db, user, r))) throw new DomainError('NOT_FOUND', 'reportNotFound');
  return view(r);
}

export interface ListInput {
  status?: 'filed' | 'countersigned' | undefined;
  organisationId?: string | undefined;
  mediatorId?: string | undefined;
  submissionId?: string | undefined;
  limit: number;
}

/** Reports the caller may see, newest first, without their content; filters narrow the role's scope, never widen it. */
export async function list(db: Db, user: StaffUser, input: ListInput) {
  const scoped = { ...input };
  let requestFormIds: readonly string[] | undefined;
  if (!isCoordinator(user)) {
    if (user.role === 'mediator') {
      const own = await mediatorOfUser(db, user.tenantId, user.userId);
      if (!own || (input.mediatorId && input.mediatorId !== own)) return [];
      scoped.mediatorId = own;
    } else if (user.role === 'requester') {
      if (!user.organisationId || (input.organisationId && input.organisationId !== user.organisationId)) return [];
      scoped.organisationId = user.organisationId;
    } else {
      requestFormIds = SPECIAL_FORM_IDS;
    }
  }
  const rows = await listReports(db, { tenantId: user.tenantId, ...scoped, requestFormIds });
  return rows.map(({ tenantId: _t, data: _d, ...r }) => r);
}
