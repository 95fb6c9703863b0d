import { sha256 } from '../ids.js';

/*
 * A feed's secret URL: made by calendarFeeds.rotate, read by the /ical route.
 * Only the token's hash is stored.
 */

export const FEED_TOKEN_PATTERN = /^ical_[A-Za-z0-9_-]{43}$/;

/** The path of a feed; the token appears only here and in the answer to rotate. */
export function feedUrl(publicUrl: string, token: string): string {
  return new URL(`/ical/${token}.ics`, publicUrl).toString();
}

/** The token of a feed's file name ("<token>.ics") as it is looked up: its hash; nothing for what cannot be one. */
export function tokenHashOf(file: string): string | undefined {
  const token = file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : '';
  return FEED_TOKEN_PATTERN.test(token) ? sha256(token) : undefined;
}
