import type { Submitter } from '../auth/actor.js';
import type { DbOrTx } from '../db/database.js';
import { findRequest } from '../requests/request.repository.js';
import { isSpecial } from '../submissions/visibility.js';
import { DomainError } from '../domain-error.js';

/*
 * The appointments of ethnoclinical consultations (A.5) belong to the
 * tenant's clinicians (docs/architecture.md#special-category-content-a5): they review the request,
 * so they choose the mediator and the time, and they book, list, get and
 * cancel those appointments and no others. Coordinators and admins still see
 * that such an appointment exists (time, mediator, organisation), as they see
 * the A.5's status and dates, and may move or cancel it as the keepers of the
 * mediators' time; they no longer book one. Clinicians book inside the
 * mediator's availability, as referents do: the mediators' time is the
 * coordinators', who open extra hours (availability exceptions) when needed.
 */

export function isClinician(who: Submitter): boolean {
  return who.kind === 'staff' && who.role === 'clinician';
}

/** Before anything is looked up: a clinician books only for a request (checkBookable then wants an A.5). */
export function clinicianBooksARequest(who: Submitter, submissionId: string | undefined): void {
  if (isClinician(who) && !submissionId) throw new DomainError('FORBIDDEN', 'clinicianBooksConsultationsOnly', {}, 'submissionId');
}

/** A clinician books for A.5 requests only; refused before the visibility check, which would hide an A.1 as not found. */
export function clinicianBooksConsultations(who: Submitter, r: { formId: string; formVersion: number }): void {
  if (isClinician(who) && !isSpecial(r)) throw new DomainError('FORBIDDEN', 'clinicianBooksConsultationsOnly', {}, 'submissionId');
}

/**
 * An A.5 is booked by clinicians only: not by coordinators or admins, nor by
 * the referent who sent it (the clinicians decide whether the consultation
 * needs a mediator at all). Checked once the caller is known to see it.
 */
export function consultationBookedByClinicians(who: Submitter, r: { formId: string; formVersion: number }): void {
  if (isSpecial(r) && !isClinician(who)) throw new DomainError('FORBIDDEN', 'consultationBookedByClinicians', {}, 'submissionId');
}

/** Whether an appointment serves an A.5: what a clinician may see of the appointments. */
export async function servesConsultation(db: DbOrTx, tenantId: string, a: { submissionId: string | null }): Promise<boolean> {
  if (!a.submissionId) return false;
  const r = await findRequest(db, tenantId, a.submissionId);
  return r !== undefined && isSpecial(r);
}
