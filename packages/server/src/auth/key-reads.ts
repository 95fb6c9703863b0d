import { deepFreeze } from '@ponte/forms';
import type { CredentialChanges } from '../db/credential-changes.js';
import type { Db } from '../db/database.js';
import { readKeyForCall, type KeyForCall } from './credentials.js';

/** How a request's publishable key is read: `readKeyForCall`'s answer, for a key and the request's Origin. */
export type KeyReader = (key: string, origin: string | undefined) => Promise<KeyForCall>;

/** Keys (with the origins they were called from) whose reads are kept at once: bounds the memory a stream of made-up keys can take. */
const KEPT_AT_MOST = 2_000;
/** How long a read is kept at most, changes or not: a bound should a change ever go unseen. */
const KEPT_FOR_MS = 30_000;

/**
 * Reads a key as `readKeyForCall` does, keeping each answer (a live key's, or
 * that there is none) for as long as nothing it read has changed since: the
 * database counts every write of those tables (db/credential-changes.ts),
 * and a read is kept under the count seen before it was made, so a change
 * made while it was on its way is taken for a change after it. A key
 * revoked, an origin removed, a tenant's zone or settings changed: the next
 * call reads afresh (docs/architecture.md#publishable-keys).
 *
 * The answers are frozen: the calls that share one cannot change it.
 */
export function keptKeyReads(db: Db, changes: CredentialChanges): KeyReader {
  const kept = new Map<string, { read: KeyForCall; changes: number; until: number }>();
  return async (key, origin) => {
    const id = `${key} ${origin ?? ''}`;
    const seen = changes.current();
    const now = Date.now();
    const hit = kept.get(id);
    if (hit && hit.changes === seen && hit.until > now) return hit.read;
    const read = deepFreeze(await readKeyForCall(db, key, origin));
    if (seen === undefined) return read;
    kept.delete(id);
    // The oldest first: Map keeps insertion order.
    if (kept.size >= KEPT_AT_MOST) kept.delete(kept.keys().next().value!);
    kept.set(id, { read, changes: seen, until: now + KEPT_FOR_MS });
    return read;
  };
}
