import type { Db } from '../db/database.js';
import { findLiveSession } from '../auth/session.repository.js';
import { sha256 } from '../ids.js';

const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

/**
 * Answers whether a bearer token belongs to a live session, remembering the
 * answer for a minute. The rate limiter asks it so that only a real staff
 * token earns the staff limit: any made-up "Bearer x" gets the public one.
 */
export function liveTokenCache(db: Db) {
  const known = new Map<string, { live: boolean; until: number }>();

  return async function isLive(token: string): Promise<boolean> {
    const hash = sha256(token);
    const now = Date.now();
    const cached = known.get(hash);
    if (cached && cached.until > now) return cached.live;
    const row = await findLiveSession(db, hash, new Date(now).toISOString());
    // Forged tokens must not grow the map without bound.
    if (known.size >= MAX_ENTRIES) known.clear();
    known.set(hash, { live: row !== undefined, until: now + TTL_MS });
    return row !== undefined;
  };
}
