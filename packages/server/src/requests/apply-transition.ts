import type { Submitter } from '../auth/actor.js';
import { actorOf, audit } from '../audit/audit.js';
import type { DbOrTx } from '../db/database.js';
import { emit } from '../events/emit.js';
import { newId } from '../ids.js';
import type { ServiceCall } from '../service-call.js';
import { isSpecial } from '../submissions/visibility.js';
import { nextByPeople, STATUS_NAMES, type RequestStatus, type Transition } from './lifecycle.js';
import * as repo from './request.repository.js';
import type { RequestRow } from './request.repository.js';

/** The words of a refused move: where the request is, where it was asked to go, where it may go next. */
export function statusParams(from: RequestStatus, to: RequestStatus) {
  const next = nextByPeople(from);
  return {
    from: STATUS_NAMES[from],
    to: STATUS_NAMES[to],
    next: next.length
      ? { it: next.map((s) => STATUS_NAMES[s].it).join(', '), en: next.map((s) => STATUS_NAMES[s].en).join(', ') }
      : { it: 'nessun altro stato (è definitiva)', en: 'no other status (it is final)' },
  };
}

/** Writes one move, the only place one is written: the status (if still the one read), the history row, the audit line, the event. */
export async function applyTransition(
  trx: DbOrTx,
  call: ServiceCall<Submitter>,
  r: RequestRow,
  t: Transition,
  extra: { reason?: string | undefined; authorisedMinutes?: number | undefined; cause?: string | undefined } = {},
): Promise<void> {
  const at = call.now.toISOString();
  await repo.updateStatus(trx, r, t.from, t.to, at, extra.authorisedMinutes);
  const actor = actorOf(call.who);
  await repo.insertStatusChange(trx, { id: newId(), tenantId: r.tenantId, submissionId: r.id, from: t.from, to: t.to, at, actor, reason: extra.reason ?? null });
  await audit(trx, call, `request.${t.to}`, { type: 'submission', id: r.id }, {
    from: t.from,
    to: t.to,
    formId: r.formId,
    // An A.5's reason may speak of its case: the history keeps it, where only its readers see it.
    ...(extra.reason !== undefined ? (isSpecial(r) ? { reasonGiven: true } : { reason: extra.reason }) : {}),
    ...(extra.authorisedMinutes !== undefined ? { hoursAuthorised: extra.authorisedMinutes / 60 } : {}),
    ...(extra.cause ? { cause: extra.cause } : {}),
  });
  await emit(trx, call, { type: 'request.moved', requestId: r.id, formId: r.formId, from: t.from, to: t.to, cause: extra.cause ?? t.action ?? 'system' });
}
