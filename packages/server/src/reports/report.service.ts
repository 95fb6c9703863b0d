import {
  countersignSection,
  formMeaning,
  getForm,
  listForms,
  roleValue,
  validateSubmission,
  withoutDerivedFields,
  type FieldDefinition,
  type FieldErrors,
  type FormDefinition,
  type ReportMeaning,
  type SubmitterKind,
} from '@ponte/forms';
import { DateTime } from 'luxon';
import type { StaffUser } from '../auth/actor.js';
import { audit, auditSpecialCategoryRead } from '../audit/audit.js';
import type { DbOrTx } from '../db/database.js';
import { isUniqueViolation } from '../db/errors.js';
import { writeTransaction } from '../db/write-transaction.js';
import { emit } from '../events/emit.js';
import { serverMessage } from '../i18n/messages.js';
import { newId } from '../ids.js';
import { followAppointments } from '../requests/follow-appointments.js';
import { findAppointment, saveAppointment, type Appointment } from '../scheduling/appointment.repository.js';
import { mediatorOfUser } from '../mediators/mediator.repository.js';
import { countedMinutes, reportedAppointment } from '../scheduling/reported-minutes.js';
import { stampSignatures } from '../submissions/signatures.js';
import { findOrganisation } from '../organisations/organisation.repository.js';
import type { StaffCall } from '../service-call.js';
import { DomainError } from '../domain-error.js';
import { findReport, findReportOfAppointment, insertReport, listReports, saveReport, type Report } from './report.repository.js';
import { countersignAccess, reportAccess, reportListScope, type ReportAccess } from './visibility.js';

/*
 * Reports (A.2 schools, A.4 services): one per appointment, filed by the
 * mediator who held it, countersigned by a referent of the organisation
 * that received it. Until countersigned its mediator may correct it; after,
 * only a coordinator reopens it (audited), and it awaits a new countersign.
 *
 * What a report moves: the appointment's outcome (the report says whether
 * it was held) and billed minutes (what budgets count as used: the report's
 * counted minutes), and the request it serves (requests/follow-appointments.ts
 * followAppointments): reported once every appointment of it held or not
 * has its report, closed once every one of those is countersigned.
 */

/** The report form a kind of organisation files: the report (@ponte/forms meaning.ts) its organisations submit. */
function reportFormOf(kind: SubmitterKind): string {
  const def = listForms().find((d) => formMeaning(d.id, d.version)?.kind === 'report' && d.submitterKinds.includes(kind));
  if (!def) throw new Error(`no report form for ${kind}`);
  return def.id;
}

/** What the server reads of a report form version: its meaning, which says which fields hold the session and its outcome. */
function meaningOf(def: FormDefinition): ReportMeaning {
  const meaning = formMeaning(def.id, def.version);
  if (meaning?.kind !== 'report') throw new Error(`${def.id} v${def.version} is not a report`);
  return meaning;
}

function fieldsOf(def: FormDefinition): FieldDefinition[] {
  return def.sections.flatMap((s) => s.fields);
}

/** The fields a referent fills when countersigning: those of the section holding their signature. */
function countersignPart(def: FormDefinition): { signature: string; rating: string | undefined; keys: string[] } {
  const part = countersignSection(def);
  if (!part) throw new Error(`${def.id} v${def.version} has no countersignature field`);
  const { section, signature } = part;
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

/** Why a session was not held, as the report's form says it (scheduling/reported-minutes.ts applies the rules). */
function notHeldCause(def: FormDefinition, data: Record<string, unknown>) {
  const { reason, byMediator, noticeHours } = meaningOf(def).notHeld;
  const notice = data[noticeHours];
  return { byMediator: data[reason] === byMediator, noticeHours: typeof notice === 'number' ? notice : 0 };
}

function formInvalid(fieldErrors: FieldErrors): DomainError {
  return new DomainError('BAD_REQUEST', 'formInvalid', {}, fieldErrors);
}

/**
 * The mediator's part of a report, validated by its form: no countersign
 * fields, the session on the appointment's day. Answers the data as the form
 * normalises it, the outcome and the minutes delivered.
 */
async function mediatorPart(call: StaffCall, def: FormDefinition, input: Record<string, unknown>, a: Appointment) {
  const { locale } = call;
  const label = (key: string) => fieldsOf(def).find((f) => f.key === key)?.label[locale] ?? key;
  const countersign = countersignPart(def).keys.filter((key) => input[key] !== undefined);
  if (countersign.length > 0) {
    throw formInvalid(Object.fromEntries(countersign.map((key) => [key, serverMessage('reportCountersignField', locale, { label: label(key) })])));
  }
  const result = validateSubmission(def, input, locale);
  if (!result.ok) throw formInvalid(result.fieldErrors);
  const data = result.data;
  const { session, status } = meaningOf(def);
  const zone = (await call.tenant()).timeZone;
  const day = DateTime.fromISO(a.startsAt, { zone }).toISODate()!;
  if (data[session.date] !== day) {
    const shown = DateTime.fromISO(day).toFormat('dd/MM/yyyy');
    throw formInvalid({ [session.date]: serverMessage('reportDateMismatch', locale, { label: label(session.date), date: shown }) });
  }
  // Not held and called off alike: the session did not take place.
  const outcome: Report['outcome'] = roleValue(status, data) === 'held' ? 'held' : 'not_held';
  const delivered = outcome === 'held' ? minutesOf(String(data[session.end])) - minutesOf(String(data[session.start])) : 0;
  return { data, outcome, delivered };
}

/** The caller's mediator profile: reports are filed and corrected by mediators only. */
async function ownMediator(db: DbOrTx, user: StaffUser): Promise<string> {
  if (user.role !== 'mediator') throw new DomainError('FORBIDDEN', 'reportByMediator');
  const id = await mediatorOfUser(db, user.tenantId, user.userId);
  if (!id) throw new DomainError('FORBIDDEN', 'noMediatorProfile');
  return id;
}

/**
 * The appointment takes the outcome and the counted minutes its report
 * gives, in the report's transaction; saveAppointment refuses it if the
 * appointment changed since it was read.
 */
async function applyToAppointment(trx: DbOrTx, call: StaffCall, r: Report): Promise<void> {
  const a = (await findAppointment(trx, call.who.tenantId, r.appointmentId))!;
  if (a.status === 'cancelled') throw new DomainError('CONFLICT', 'reportAppointmentCancelled');
  const done = reportedAppointment(a, r.outcome, r.countedMinutes, call.now.toISOString());
  if (!done) return;
  await saveAppointment(trx, done);
  const action = a.status === done.status ? 'appointment.rebilled' : `appointment.${done.status}`;
  await audit(trx, call, action, { type: 'appointment', id: a.id }, { sequence: done.sequence, via: 'report', billedMinutes: { before: a.billedMinutes, after: done.billedMinutes } });
}

async function follow(trx: DbOrTx, call: StaffCall, r: Report, cause: string, reopening = false): Promise<void> {
  if (r.submissionId) await followAppointments(trx, call, r.submissionId, cause, { reopening });
}

/** A read of a report's content is, for an A.5's, a read of the consultation: audited as such. */
async function auditContentRead(db: DbOrTx, call: StaffCall, r: Report, access: ReportAccess): Promise<void> {
  if (access.audit) await auditSpecialCategoryRead(db, call, access.audit, { purpose: 'report', reportId: r.id });
}

/** What callers see of a report. */
function view(r: Report) {
  const { tenantId: _t, ...rest } = r;
  return rest;
}

/** A report as seen by who may know of it: without its content when they may not read it. */
function viewWith(r: Report, content: boolean) {
  const v = view(r);
  return { ...v, data: content ? v.data : null };
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
export async function file(call: StaffCall, input: FileInput) {
  const { db, who: user } = call;
  const mediatorId = await ownMediator(db, user);
  const a = await findAppointment(db, user.tenantId, input.appointmentId);
  if (!a) throw new DomainError('NOT_FOUND', 'appointmentNotFound');
  if (a.mediatorId !== mediatorId) throw new DomainError('FORBIDDEN', 'reportOwnAppointmentsOnly');
  if (a.status === 'cancelled') throw new DomainError('CONFLICT', 'reportAppointmentCancelled');
  if (Date.parse(a.startsAt) > call.now.getTime()) throw new DomainError('CONFLICT', 'reportTooEarly');
  const organisation = (await findOrganisation(db, user.tenantId, a.organisationId))!;
  const formId = reportFormOf(organisation.kind);
  const def = getForm(formId, input.version);
  if (!def) throw new DomainError('NOT_FOUND', 'formUnknown', { formId, version: input.version ?? '' }, 'version');
  const { data, outcome, delivered } = await mediatorPart(call, def, input.data, a);
  const { settings } = await call.tenant();
  const at = call.now.toISOString();
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
    countedMinutes: countedMinutes(outcome, delivered, notHeldCause(def, data), settings),
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
    await writeTransaction(db, call.dialect, async (trx) => {
      const earlier = await findReportOfAppointment(trx, user.tenantId, a.id);
      if (earlier) throw exists(earlier);
      await insertReport(trx, report);
      await applyToAppointment(trx, call, report);
      const details = { appointmentId: a.id, formId: def.id, version: def.version, outcome, deliveredMinutes: delivered, countedMinutes: report.countedMinutes };
      await audit(trx, call, 'report.filed', { type: 'report', id: report.id }, details);
      await emit(trx, call, { type: 'report.filed', reportId: report.id, appointmentId: a.id, requestId: a.submissionId, organisationId: a.organisationId });
      await follow(trx, call, report, 'report.filed');
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
export async function correct(call: StaffCall, input: { id: string; data: Record<string, unknown> }) {
  const { db, who: user } = call;
  const mediatorId = await ownMediator(db, user);
  const r = await findReport(db, user.tenantId, input.id);
  if (!r) throw new DomainError('NOT_FOUND', 'reportNotFound');
  if (r.mediatorId !== mediatorId) throw new DomainError('FORBIDDEN', 'reportOwnOnly');
  if (r.status === 'countersigned') throw new DomainError('CONFLICT', 'reportCountersigned');
  const def = getForm(r.formId, r.formVersion)!;
  const a = (await findAppointment(db, user.tenantId, r.appointmentId))!;
  const { data, outcome, delivered } = await mediatorPart(call, def, input.data, a);
  const { settings } = await call.tenant();
  const at = call.now.toISOString();
  const corrected: Report = {
    ...r,
    data: stampSignatures(def, data, user, at),
    outcome,
    deliveredMinutes: delivered,
    countedMinutes: countedMinutes(outcome, delivered, notHeldCause(def, data), settings),
    revision: r.revision + 1,
    updatedAt: at,
  };
  await writeTransaction(db, call.dialect, async (trx) => {
    await saveReport(trx, corrected);
    await applyToAppointment(trx, call, corrected);
    await audit(trx, call, 'report.corrected', { type: 'report', id: r.id }, {
      revision: corrected.revision,
      before: { outcome: r.outcome, deliveredMinutes: r.deliveredMinutes, countedMinutes: r.countedMinutes },
      after: { outcome, deliveredMinutes: delivered, countedMinutes: corrected.countedMinutes },
    });
    await emit(trx, call, { type: 'report.corrected', reportId: r.id, appointmentId: r.appointmentId });
    await follow(trx, call, corrected, 'report.corrected');
  });
  return view(corrected);
}

/**
 * The requester's countersignature: a signed-in referent of the organisation
 * that received the session confirms it, with their name and the time
 * stamped, and may rate it; for a consultation (A.5), only the referent who
 * sent it, their read audited. The last countersign of a request closes it.
 */
export async function countersign(call: StaffCall, input: { id: string; rating?: number | undefined }) {
  const { db, who: user } = call;
  const r = await findReport(db, user.tenantId, input.id);
  const access = r && (await countersignAccess(db, user, r));
  if (!r || access === undefined) throw new DomainError('NOT_FOUND', 'reportNotFound');
  if (!access) throw new DomainError('FORBIDDEN', 'countersignByRequester');
  if (r.status === 'countersigned') throw new DomainError('CONFLICT', 'reportCountersigned');
  const def = getForm(r.formId, r.formVersion)!;
  const part = countersignPart(def);
  const candidate: Record<string, unknown> = {
    ...asSent(def, r.data),
    [part.signature]: { name: user.displayName, confirmed: true },
    ...(input.rating !== undefined && part.rating ? { [part.rating]: input.rating } : {}),
  };
  const result = validateSubmission(def, candidate, call.locale);
  if (!result.ok) {
    // The rating is the only thing the caller sent: name it as they did.
    throw formInvalid(Object.fromEntries(Object.entries(result.fieldErrors).map(([key, message]) => [key === part.rating ? 'rating' : key, message])));
  }
  const at = call.now.toISOString();
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
  await writeTransaction(db, call.dialect, async (trx) => {
    await saveReport(trx, countersigned);
    const rating = part.rating && result.data[part.rating] !== undefined ? { rating: result.data[part.rating] } : {};
    await audit(trx, call, 'report.countersigned', { type: 'report', id: r.id }, { name: user.displayName, revision: countersigned.revision, ...rating });
    await emit(trx, call, { type: 'report.countersigned', reportId: r.id, appointmentId: r.appointmentId, requestId: r.submissionId });
    await follow(trx, call, countersigned, 'report.countersigned');
    await auditContentRead(trx, call, countersigned, access);
  });
  return view(countersigned);
}

/**
 * Reopens a countersigned report: coordinators only, with a reason, audited
 * with the countersignature it removes. Its mediator may correct it again and
 * the referent countersigns anew; a request closed by it is reported again.
 */
export async function reopen(call: StaffCall, input: { id: string; reason: string }) {
  const { db, who: user } = call;
  const reason = input.reason.trim();
  if (!reason) throw new DomainError('BAD_REQUEST', 'reasonRequired', {}, 'reason');
  const r = await findReport(db, user.tenantId, input.id);
  const access = r && (await reportAccess(db, user, r));
  if (!r || !access) throw new DomainError('NOT_FOUND', 'reportNotFound');
  if (r.status !== 'countersigned') throw new DomainError('CONFLICT', 'reportNotCountersigned');
  const def = getForm(r.formId, r.formVersion)!;
  const part = countersignPart(def);
  const at = call.now.toISOString();
  const reopened: Report = {
    ...r,
    data: Object.fromEntries(Object.entries(r.data).filter(([key]) => !part.keys.includes(key))),
    status: 'filed',
    countersignedAt: null,
    countersignedByUserId: null,
    revision: r.revision + 1,
    updatedAt: at,
  };
  await writeTransaction(db, call.dialect, async (trx) => {
    await saveReport(trx, reopened);
    await audit(trx, call, 'report.reopened', { type: 'report', id: r.id }, {
      reason,
      revision: reopened.revision,
      removed: { countersignedAt: r.countersignedAt, countersignedBy: r.countersignedByUserId, countersignature: r.data[part.signature] ?? null },
    });
    await emit(trx, call, { type: 'report.reopened', reportId: r.id, appointmentId: r.appointmentId, requestId: r.submissionId });
    // The appointment counts what the report does, whenever the report was filed.
    await applyToAppointment(trx, call, reopened);
    await follow(trx, call, reopened, 'report.reopened', true);
  });
  return viewWith(reopened, access.content);
}

/** One report, for whoever may know of it; its content only for those who may read it, audited where special. */
export async function get(call: StaffCall, input: { id: string }) {
  const { db, who: user } = call;
  const r = await findReport(db, user.tenantId, input.id);
  const access = r && (await reportAccess(db, user, r));
  // Not found and not visible answer alike, so ids of others cannot be probed.
  if (!r || !access) throw new DomainError('NOT_FOUND', 'reportNotFound');
  if (access.content) await auditContentRead(db, call, r, access);
  return viewWith(r, access.content);
}

export interface ListInput {
  status?: 'filed' | 'countersigned' | undefined;
  organisationId?: string | undefined;
  mediatorId?: string | undefined;
  submissionId?: string | undefined;
  limit: number;
}

/** Reports the caller may see, newest first, without their content; filters narrow the role's scope, never widen it. */
export async function list(call: StaffCall, input: ListInput) {
  const { db, who: user } = call;
  const scope = await reportListScope(db, user);
  if (!scope) return [];
  if (scope.mediatorId && input.mediatorId && input.mediatorId !== scope.mediatorId) return [];
  if (scope.organisationId && input.organisationId && input.organisationId !== scope.organisationId) return [];
  const rows = await listReports(db, { ...input, ...scope, tenantId: user.tenantId });
  return rows.map(({ tenantId: _t, data: _d, ...r }) => r);
}
