import { isCoordinator, type Submitter } from '../auth/actor.js';
import type { DbOrTx } from '../db/database.js';
import { DomainError } from '../domain-error.js';
import { findMediatorByUser } from '../mediators/mediator.repository.js';
import { findRequest } from '../requests/request.repository.js';
import { canSeeMetadata, isSpecial } from '../submissions/visibility.js';
import { findAppointment, type Appointment } from './appointment.repository.js';
import { servesConsultation } from './consultations.js';

/** What callers see of an appointment: its columns, without the internals of the invariant. */
export function view(a: Appointment) {
  const { tenantId: _t, placeKey: _p, bufferUntil: _b, ...rest } = a;
  return rest;
}

/**
 * Whether the request an appointment serves is one the caller may see
 * (submissions/visibility.ts): an A.5 only its sender among referents, and
 * no publishable key, which cannot show it sent it.
 */
async function requestVisible(db: DbOrTx, user: Submitter, a: Appointment): Promise<boolean> {
  if (!a.submissionId) return true;
  const r = await findRequest(db, user.tenantId, a.submissionId);
  if (!r) return true;
  return user.kind === 'key' ? !isSpecial(r) : canSeeMetadata(user, r);
}

/**
 * An appointment the caller may see: coordinators any of the tenant, a
 * mediator theirs, a referent or a publishable key their organisation's,
 * unless it serves a request they may not see; a clinician those serving an
 * A.5 (consultations.ts).
 */
export async function visible(db: DbOrTx, user: Submitter, id: string): Promise<Appointment> {
  const a = await findAppointment(db, user.tenantId, id);
  if (!a) throw new DomainError('NOT_FOUND', 'appointmentNotFound');
  if (user.kind === 'key') {
    if (user.organisationId === a.organisationId && (await requestVisible(db, user, a))) return a;
    throw new DomainError('NOT_FOUND', 'appointmentNotFound');
  }
  if (isCoordinator(user)) return a;
  if (user.role === 'mediator') {
    const own = await findMediatorByUser(db, user.tenantId, user.userId);
    if (own?.id === a.mediatorId) return a;
  }
  if (user.role === 'requester' && user.organisationId === a.organisationId && (await requestVisible(db, user, a))) return a;
  if (user.role === 'clinician' && (await servesConsultation(db, user.tenantId, a))) return a;
  throw new DomainError('NOT_FOUND', 'appointmentNotFound');
}
