import { isExpression, type Expression } from 'kysely';
import type { DbOrTx } from '../db/database.js';
import { toJson } from '../db/values.js';
import { newId } from '../ids.js';

export interface AuditEventInput {
  tenantId: string | null;
  actor: { kind: 'user' | 'key' | 'system' | 'anonymous'; id?: string | null };
  action: string;
  subject?: { type: string; id: string };
  /**
   * What else to record. Where a detail is known only inside the statement
   * that writes the audited row too (a protocol number the same statement
   * takes), the whole as an SQL expression of the JSON instead.
   */
  details?: Record<string, unknown> | Expression<unknown>;
  at: string;
}

/**
 * The INSERT of one audit event, not yet run (audit.ts `audit` runs it; a
 * statement that writes the audited change may carry it along). Run it
 * inside the transaction of the change it records.
 */
export function auditInsert(db: DbOrTx, event: AuditEventInput) {
  return db.insertInto('audit_events').values(auditRow(event));
}

/** The row of one audit event: for an INSERT of several (submissions/store-submission.ts). */
export function auditRow(event: AuditEventInput) {
  return {
    id: newId(),
    tenant_id: event.tenantId,
    at: event.at,
    actor_kind: event.actor.kind,
    actor_id: event.actor.id ?? null,
    action: event.action,
    subject_type: event.subject?.type ?? null,
    subject_id: event.subject?.id ?? null,
    details: isExpression(event.details) ? (event.details as Expression<string>) : toJson(event.details ?? {}),
  };
}
