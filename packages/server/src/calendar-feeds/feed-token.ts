import type { Db } from '../db/database.js';
import { sha256 } from '../ids.js';
import { findLiveFeedByHash } from './feed.repository.js';

/*
 * A feed's secret URL: made by calendarFeeds.rotate, read by the /ical route.
 * Only the token's hash is stored.
 */

export const FEED_TOKEN_PATTERN = /^ical_[A-Za-z0-9_-]{43}$/;

/** The path of a feed; the token appears only here and in the answer to rotate. */
export function feedUrl(publicUrl: string, token: string): string {
  return new URL(`/ical/${token}.ics`, publicUrl).toString();
}

/** The live feed behind a token, if any: what the /ical route serves. */
export async function liveFeedOf(db: Db, token: string) {
  if (!FEED_TOKEN_PATTERN.test(token)) return undefined;
  return findLiveFeedByHash(db, sha256(token));
}
