import type { StaffUser, Submitter } from '../auth/actor.js';
import type { DbOrTx } from '../db/database.js';
import type { ServiceCall } from '../service-call.js';
import { isSpecial } from '../submissions/visibility.js';
import { auditInsert, type AuditEventInput } from './audit.repository.js';

export type AuditActor = AuditEventInput['actor'];

/** How the audit log, the request history and the domain events name who acted. */
export function actorOf(who: Submitter): { kind: 'user' | 'key'; id: string };
export function actorOf(who: Submitter | null): AuditActor;
export function actorOf(who: Submitter | null): AuditActor {
  if (!who) return { kind: 'anonymous' };
  return who.kind === 'staff' ? { kind: 'user', id: who.userId } : { kind: 'key', id: who.keyId };
}

/**
 * Appends one line to the audit log for the caller, at the call's instant, in
 * their tenant. Call it inside the transaction of the change it records.
 * `as` names another actor or tenant where the caller is not yet known (a sign-in).
 */
export async function audit(
  db: DbOrTx,
  call: ServiceCall<Submitter | null>,
  action: string,
  subject?: { type: string; id: string },
  details?: Record<string, unknown>,
  as?: { actor: AuditActor; tenantId: string },
): Promise<void> {
  await auditLine(db, call, action, subject, details, as).execute();
}

/**
 * The line `audit` appends, as an INSERT not yet run: for a statement that
 * writes the change and its audit line together.
 */
export function auditLine(
  db: DbOrTx,
  call: ServiceCall<Submitter | null>,
  action: string,
  subject?: { type: string; id: string },
  details?: AuditEventInput['details'],
  as?: { actor: AuditActor; tenantId: string },
) {
  return auditInsert(db, auditEntry(call, action, subject, details, as));
}

/** The line `audit` appends, as what it records: for an INSERT of several (submissions/store-submission.ts). */
export function auditEntry(
  call: ServiceCall<Submitter | null>,
  action: string,
  subject?: { type: string; id: string },
  details?: AuditEventInput['details'],
  as?: { actor: AuditActor; tenantId: string },
): AuditEventInput {
  return {
    tenantId: as?.tenantId ?? call.who?.tenantId ?? null,
    actor: as?.actor ?? actorOf(call.who),
    action,
    ...(subject ? { subject } : {}),
    ...(details ? { details } : {}),
    at: call.now.toISOString(),
  };
}

/**
 * Records a read of special-category content (docs/architecture.md#special-category-content-a5)
 * as a read of the request it belongs to, whatever the path (the request, a
 * report of it, matching), so an auditor finds every read of an A.5 in one
 * place; nothing for other content.
 */
export async function auditSpecialCategoryRead(
  db: DbOrTx,
  call: ServiceCall<StaffUser>,
  request: { id: string; formId: string; formVersion: number },
  purpose?: { purpose: 'report' | 'matching'; reportId?: string },
): Promise<void> {
  if (!isSpecial(request)) return;
  await audit(db, call, 'submission.special_category_read', { type: 'submission', id: request.id }, { formId: request.formId, role: call.who.role, ...purpose });
}
