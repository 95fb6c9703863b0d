import type { Feed } from './feed.repository.js';

/** Feeds remembered at most; past this many the memory starts afresh. */
const MAX_FEEDS = 10_000;

/**
 * Live feeds found by their token's hash, remembered so that a poll reads
 * its feed's version in one statement rather than two. What is remembered
 * never changes for a feed (its tenant and owner); whether it is still live
 * does, and feedVersion asks that again on every poll, in the same
 * statement. Only feeds the database knows are remembered, so made-up
 * tokens cannot fill the memory; only hashes are kept, as in the database.
 */
export class KnownFeeds {
  readonly #byTokenHash = new Map<string, Feed>();

  get(tokenHash: string): Feed | undefined {
    return this.#byTokenHash.get(tokenHash);
  }

  remember(tokenHash: string, feed: Feed): void {
    if (this.#byTokenHash.size >= MAX_FEEDS && !this.#byTokenHash.has(tokenHash)) this.#byTokenHash.clear();
    this.#byTokenHash.set(tokenHash, feed);
  }

  forget(tokenHash: string): void {
    this.#byTokenHash.delete(tokenHash);
  }
}
