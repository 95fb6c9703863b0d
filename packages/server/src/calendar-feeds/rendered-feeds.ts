/**
 * The last text written for each feed, under the ETag it was written for,
 * so that a calendar polling without If-None-Match (or with a tag from before
 * its last change) is answered without writing the text again. One text per
 * feed, looked up by the feed's id and then its tag: a text is only ever sent
 * for the feed and the version it was written for. Bounded by bytes: the
 * least recently served go first.
 */
export class RenderedFeeds {
  readonly #texts = new Map<string, { etag: string; body: Buffer }>();
  #bytes = 0;

  constructor(readonly maxBytes: number) {}

  get bytes(): number {
    return this.#bytes;
  }

  /** The text of `feedId` at version `etag`, if it is the one kept. */
  get(feedId: string, etag: string): Buffer | undefined {
    const kept = this.#texts.get(feedId);
    if (!kept || kept.etag !== etag) return undefined;
    // Map order is the order of use: served again, it moves to the end.
    this.#texts.delete(feedId);
    this.#texts.set(feedId, kept);
    return kept.body;
  }

  /** Keeps the text of a feed at a version, in place of any other version of it. */
  set(feedId: string, etag: string, body: Buffer): void {
    this.#forget(feedId);
    if (body.length > this.maxBytes) return;
    this.#texts.set(feedId, { etag, body });
    this.#bytes += body.length;
    for (const oldest of this.#texts.keys()) {
      if (this.#bytes <= this.maxBytes) break;
      this.#forget(oldest);
    }
  }

  #forget(feedId: string): void {
    const kept = this.#texts.get(feedId);
    if (!kept) return;
    this.#texts.delete(feedId);
    this.#bytes -= kept.body.length;
  }
}
