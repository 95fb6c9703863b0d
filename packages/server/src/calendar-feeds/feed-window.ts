const DAY_MS = 86_400_000;
const PAST_DAYS = 180;
/** One day more than the 400 promised, so that the horizon is never nearer, whatever the hour. */
const FUTURE_DAYS = 401;

/** The span of appointments a feed shows: half a year back, more than a year ahead. */
export interface FeedWindow {
  /** the UTC day the window is taken on, 'YYYY-MM-DD' */
  day: string;
  /** first instant shown (inclusive), ISO */
  from: string;
  /** first instant no longer shown (exclusive), ISO */
  to: string;
}

/**
 * The window of a feed polled at `now`. Its edges move once a day, at
 * midnight UTC, not with every poll: the feed's version (feed-version.ts)
 * names the day, and between two midnights the edges stand still, so that
 * only a change in the schedule can change the text.
 */
export function feedWindow(now: Date): FeedWindow {
  const dayStart = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return {
    day: new Date(dayStart).toISOString().slice(0, 10),
    from: new Date(dayStart - PAST_DAYS * DAY_MS).toISOString(),
    to: new Date(dayStart + FUTURE_DAYS * DAY_MS).toISOString(),
  };
}
