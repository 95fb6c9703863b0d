import type { Db } from '../db/database.js';
import { INITIAL_REQUEST_STATUS } from './lifecycle.js';
import { historyOf } from './request.repository.js';

/** The statuses a requester is told the reason of. */
const WITH_REASON: readonly string[] = ['rejected', 'cancelled'];

/**
 * What tracking adds to status and dates: when each status was reached,
 * oldest first, and the reason of a rejection or a cancellation. Nothing
 * about who decided, nothing of the content.
 */
export async function trackingView(db: Db, s: { id: string; tenantId: string; status: string; createdAt: string }) {
  const changes = await historyOf(db, s.tenantId, s.id);
  const last = changes.at(-1);
  return {
    history: [{ status: INITIAL_REQUEST_STATUS as string, at: s.createdAt }, ...changes.map((c) => ({ status: c.to as string, at: c.at }))],
    reason: WITH_REASON.includes(s.status) && last?.to === s.status ? last.reason : null,
  };
}
