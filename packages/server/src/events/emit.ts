import type { Submitter } from '../auth/actor.js';
import { actorOf } from '../audit/audit.js';
import type { DbOrTx } from '../db/database.js';
import { toJson } from '../db/values.js';
import { newId } from '../ids.js';
import type { ServiceCall } from '../service-call.js';
import type { DomainEvent } from './domain-event.js';

/**
 * The one way a state change is announced: written with `trx`, the
 * transaction of the change itself, so a change that rolls back announces
 * nothing and one that commits is never lost. Stamped with the call's tenant,
 * actor and instant.
 */
export async function emit(trx: DbOrTx, call: ServiceCall<Submitter>, event: DomainEvent): Promise<void> {
  await eventInsert(trx, call, event).execute();
}

/**
 * The INSERT `emit` runs, not yet run: for a statement that writes the change
 * and its event together, which is then the change's transaction.
 */
export function eventInsert(trx: DbOrTx, call: ServiceCall<Submitter>, event: DomainEvent) {
  return trx.insertInto('domain_events').values(eventRow(call, event));
}

/** The row `emit` writes: for an INSERT of several (submissions/store-submission.ts). */
export function eventRow(call: ServiceCall<Submitter>, event: DomainEvent) {
  const { type, ...payload } = event;
  const actor = actorOf(call.who);
  return {
    id: newId(),
    tenant_id: call.who.tenantId,
    occurred_at: call.now.toISOString(),
    type,
    actor_kind: actor.kind,
    actor_id: actor.id ?? null,
    payload: toJson(payload),
  };
}
