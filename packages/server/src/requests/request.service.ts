import { REQUEST_ACTION_TARGETS, REQUEST_TRANSITIONS } from '@ponte/forms';
import { isCoordinator, type Submitter } from '../auth/actor.js';
import { auditSpecialCategoryRead } from '../audit/audit.js';
import type { DbOrTx } from '../db/database.js';
import { writeTransaction } from '../db/write-transaction.js';
import { DomainError } from '../domain-error.js';
import { findAppointment } from '../scheduling/appointment.repository.js';
import { cancelAppointment } from '../scheduling/cancel-appointment.js';
import { localLabel } from '../scheduling/placement.js';
import type { ServiceCall, StaffCall } from '../service-call.js';
import { decodeCursor, encodeCursor } from '../submissions/page-cursor.js';
import { canReadContent, canSeeMetadata, isSpecial, SPECIAL_FORM_IDS } from '../submissions/visibility.js';
import { applyTransition, statusParams } from './apply-transition.js';
import { findTransition, INITIAL_REQUEST_STATUS, REQUEST_FORM_IDS, STATUS_NAMES, type Party, type RequestAction, type RequestStatus } from './lifecycle.js';
import * as repo from './request.repository.js';
import type { RequestRow } from './request.repository.js';

/** Which request a call is about: its id (staff), or its tracking code (a key holder, or staff). */
export interface RequestRef {
  id?: string | undefined;
  trackingCode?: string | undefined;
}

function hours(minutes: number | null): number | null {
  return minutes === null ? null : minutes / 60;
}

/** What anyone who may see a request is shown of it, content aside. */
function summary(r: RequestRow) {
  return {
    id: r.id,
    protocol: r.protocol,
    formId: r.formId,
    formVersion: r.formVersion,
    organisationId: r.organisationId,
    status: r.status,
    /** special-category (A.5): its content is for clinicians and its requester only */
    special: isSpecial(r),
    /** null for A.5, whose language is part of its content */
    language: r.language,
    urgency: r.urgency,
    hoursAuthorised: hours(r.authorisedMinutes),
    submittedVia: r.submittedVia,
    submittedAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/**
 * The parties the caller acts as on this request (lifecycle.ts, Party).
 * A key holder is its requester only with its tracking code, for a request
 * sent through a key of the same organisation.
 */
function partiesOf(who: Submitter, r: RequestRow, viaTrackingCode: boolean): Party[] {
  if (who.kind === 'key') {
    return viaTrackingCode && r.submittedVia === 'key' && r.organisationId === who.organisationId ? ['requester'] : [];
  }
  const parties: Party[] = [];
  if (isSpecial(r) ? who.role === 'clinician' : isCoordinator(who)) parties.push('reviewer');
  if (who.role === 'requester' && canSeeMetadata(who, r)) parties.push('requester');
  return parties;
}

/** The request named, if the caller may see it; not found and not visible answer alike. */
async function requestFor(db: DbOrTx, who: Submitter, ref: RequestRef): Promise<{ r: RequestRow; viaTrackingCode: boolean }> {
  if ((ref.id === undefined) === (ref.trackingCode === undefined)) throw new DomainError('BAD_REQUEST', 'requestRefRequired', {}, ref.id === undefined ? 'id' : 'trackingCode');
  if (who.kind === 'key' && ref.trackingCode === undefined) throw new DomainError('BAD_REQUEST', 'withdrawKeyNeedsCode', {}, 'trackingCode');
  if (ref.trackingCode !== undefined) {
    const r = await repo.findRequestByTrackingCode(db, who.tenantId, ref.trackingCode);
    const visible = r && (who.kind === 'key' ? r.organisationId === who.organisationId : canSeeMetadata(who, r));
    if (!r || !visible) throw new DomainError('NOT_FOUND', 'trackingNotFound');
    return { r, viaTrackingCode: true };
  }
  const r = await repo.findRequest(db, who.tenantId, ref.id!);
  if (!r || who.kind !== 'staff' || !canSeeMetadata(who, r)) throw new DomainError('NOT_FOUND', 'submissionNotFound');
  return { r, viaTrackingCode: false };
}

/**
 * Cancels the scheduled appointments of a request that is withdrawn or
 * cancelled, by the rule of scheduling.cancel: inside the notice the minimum
 * billable time still counts. Refused while one of them has started: that
 * session may have taken place, and its outcome or report says so; a
 * withdrawal is for before the session (requests.withdraw, requests.cancel).
 */
async function cancelAppointmentsOf(trx: DbOrTx, call: ServiceCall<Submitter>, r: RequestRow, action: RequestAction): Promise<void> {
  const scheduled = (await repo.appointmentsOf(trx, r.tenantId, r.id)).filter((a) => a.status === 'scheduled');
  if (scheduled.length === 0) return;
  const started = scheduled.find((a) => Date.parse(a.startsAt) <= call.now.getTime());
  if (started) {
    const tenant = await call.tenant(trx);
    throw new DomainError('CONFLICT', 'requestSessionStarted', { protocol: r.protocol, id: started.id, start: localLabel(started.startsAt, tenant.timeZone), to: STATUS_NAMES[REQUEST_ACTION_TARGETS[action]] });
  }
  // In their mediators' order: a transaction that writes several mediators' schedule counts takes their
  // locks in one order, so two of them never wait on each other (scheduling/schedule-version.ts).
  const byMediator = [...scheduled].sort((a, b) => compareText(a.mediatorId ?? '', b.mediatorId ?? '') || compareText(a.id, b.id));
  for (const { id } of byMediator) await cancelAppointment(trx, call, (await findAppointment(trx, r.tenantId, id))!, `request.${action}`);
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface ActionInput extends RequestRef {
  reason?: string | undefined;
  hoursAuthorised?: number | undefined;
}

/**
 * A move a person asks for (review, approve, reject, cancel, withdraw,
 * close): allowed by the table only, checked and written in one write
 * transaction. A wrong role is FORBIDDEN, a wrong status CONFLICT, each
 * naming where the request is and where it was asked to go.
 */
async function act(call: ServiceCall<Submitter>, action: RequestAction, input: ActionInput) {
  const { db, who } = call;
  const to = REQUEST_ACTION_TARGETS[action];
  const reason = input.reason?.trim();
  if ((action === 'reject' || action === 'cancel') && !reason) throw new DomainError('BAD_REQUEST', 'reasonRequired', {}, 'reason');
  const id = await writeTransaction(db, call.dialect, async (trx) => {
    const found = await requestFor(trx, who, input);
    // NOTE: locked before its status and appointments are read: a
    // booking for it locks the same row (onBooked), so either the booking sees
    // this move and is refused, or this move sees its appointment and cancels it.
    await repo.lockRequest(trx, who.tenantId, found.r.id);
    const r = (await repo.findRequest(trx, who.tenantId, found.r.id))!;
    const { viaTrackingCode } = found;
    const parties = partiesOf(who, r, viaTrackingCode);
    const by = REQUEST_TRANSITIONS.find((t) => t.action === action)!.by;
    if (!by.some((p) => parties.includes(p))) {
      if (who.kind === 'key' && viaTrackingCode && r.submittedVia === 'staff') throw new DomainError('FORBIDDEN', 'withdrawStaffRequest');
      if (by.includes('reviewer') && isSpecial(r) && isCoordinator(who)) throw new DomainError('FORBIDDEN', 'consultationForClinicians');
      throw new DomainError('FORBIDDEN', 'transitionForbidden', statusParams(r.status, to));
    }
    const t = findTransition(r.status, to);
    if (!t || t.action !== action) throw new DomainError('CONFLICT', 'transitionNotAllowed', statusParams(r.status, to));
    if (action === 'withdraw' || action === 'cancel') await cancelAppointmentsOf(trx, call, r, action);
    await applyTransition(trx, call, r, t, {
      reason: reason || undefined,
      authorisedMinutes: action === 'approve' ? Math.round(input.hoursAuthorised! * 60) : undefined,
    });
    return r.id;
  });
  const r = (await repo.findRequest(db, who.tenantId, id))!;
  // Who made each move is for requests.get: a key holder is told statuses, dates and reasons.
  // An A.5's reasons may speak of its case: requests.get gives them to its readers, with the read audited.
  const history = (await historyView(db, r, !isSpecial(r))).map(({ by: _by, ...h }) => h);
  return { ...summary(r), history };
}

/** The moves a person asks for, one service each (requests.router.ts says who calls which). */
export const review = (call: StaffCall, input: { id: string }) => act(call, 'review', input);
export const approve = (call: StaffCall, input: { id: string; hoursAuthorised: number }) => act(call, 'approve', input);
export const reject = (call: StaffCall, input: { id: string; reason: string }) => act(call, 'reject', input);
export const cancel = (call: StaffCall, input: { id: string; reason: string }) => act(call, 'cancel', input);
export const withdraw = (call: ServiceCall<Submitter>, input: ActionInput) => act(call, 'withdraw', input);
export const close = (call: StaffCall, input: { id: string }) => act(call, 'close', input);

/** Every status reached, oldest first, from the submission itself on. */
async function historyView(db: DbOrTx, r: RequestRow, withReasons: boolean) {
  const changes = await repo.historyOf(db, r.tenantId, r.id);
  const first = {
    status: INITIAL_REQUEST_STATUS,
    at: r.createdAt,
    by: r.submittedVia === 'staff' ? { kind: 'user' as const, id: r.submittedByUserId } : { kind: 'key' as const, id: r.publishableKeyId },
    reason: null,
  };
  return [first, ...changes.map((c) => ({ status: c.to, at: c.at, by: c.actor, reason: withReasons ? c.reason : null }))];
}

/**
 * One request with its history and appointments; its content when the
 * caller may read it (an A.5's only for clinicians and its requester, each
 * read audited), else `data: null`.
 */
export async function get(call: StaffCall, input: { id: string }) {
  const { db, who: user } = call;
  const r = await repo.findRequest(db, user.tenantId, input.id);
  if (!r || !canSeeMetadata(user, r)) throw new DomainError('NOT_FOUND', 'submissionNotFound');
  const readable = canReadContent(user, r);
  let data: Record<string, unknown> | null = null;
  if (readable) {
    data = await repo.contentOf(db, user.tenantId, r.id);
    await auditSpecialCategoryRead(db, call, r);
  }
  const appointments = (await repo.appointmentsOf(db, user.tenantId, r.id)).map(({ report: _r, ...a }) => a);
  return { ...summary(r), history: await historyView(db, r, readable), appointments, data };
}

export interface QueueInput {
  status?: RequestStatus | RequestStatus[] | undefined;
  organisationId?: string | undefined;
  language?: string | undefined;
  urgency?: string | undefined;
  formId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/**
 * The requests of the tenant waiting longest first, without content:
 * coordinators and admins all (an A.5 shows that it exists, its status and
 * dates), clinicians the A.5 ones.
 */
export async function queue(call: StaffCall, input: QueueInput) {
  const { db, who: user } = call;
  const scope = user.role === 'clinician' ? REQUEST_FORM_IDS.filter((f) => SPECIAL_FORM_IDS.includes(f)) : REQUEST_FORM_IDS;
  const formIds = input.formId ? [input.formId].filter((f) => scope.includes(f)) : scope;
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  const rows = await repo.queue(db, {
    tenantId: user.tenantId,
    formIds,
    statuses: input.status === undefined ? undefined : [input.status].flat(),
    organisationId: input.organisationId,
    language: input.language,
    urgency: input.urgency,
    after,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return { items: page.map(summary), nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null };
}
