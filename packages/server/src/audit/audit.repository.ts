import type { DbOrTx } from '../db/database.js';
import { toJson } from '../db/values.js';
import { newId } from '../ids.js';

export interface AuditEventInput {
  tenantId: string | null;
  actor: { kind: 'user' | 'key' | 'system' | 'anonymous'; id?: string | null };
  action: string;
  subject?: { type: string; id: string };
  details?: Record<string, unknown>;
  at: string;
}

/** Appends an event. Call it inside the transaction of the change it records. */
export async function recordAudit(db: DbOrTx, event: AuditEventInput): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      id: newId(),
      tenant_id: event.tenantId,
      at: event.at,
      actor_kind: event.actor.kind,
      actor_id: event.actor.id ?? null,
      action: event.action,
      subject_type: event.subject?.type ?? null,
      subject_id: event.subject?.id ?? null,
      details: toJson(event.details ?? {}),
    })
    .execute();
}
