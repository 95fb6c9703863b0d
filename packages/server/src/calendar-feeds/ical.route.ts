import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Db } from '../db/database.js';
import { findLiveFeedByHash } from './feed.repository.js';
import { renderFeed } from './feed-content.js';
import { tokenHashOf } from './feed-token.js';
import { feedVersion } from './feed-version.js';
import { feedWindow } from './feed-window.js';
import { KnownFeeds } from './known-feeds.js';
import { RenderedFeeds } from './rendered-feeds.js';

/** Texts kept between polls: some twenty feeds of 5,000 events each. */
const RENDERED_FEEDS_BYTES = 32 * 1024 * 1024;

/** Whether an If-None-Match header names the tag (weak or strong, alone or in a list, or "*"). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

function notFound(reply: FastifyReply) {
  return reply.status(404).type('text/plain; charset=utf-8').send('Calendario non trovato / Calendar not found');
}

/**
 * GET /ical/<token>.ics: a mediator's or an organisation's calendar, for
 * calendar apps that poll. The secret token is the only credential; answers
 * are private to the holder, carry no cookie, and a matching If-None-Match
 * answers 304 with no body.
 *
 * Most polls find nothing changed, so the version of the feed's text is
 * read first, in one row (feed-version.ts), and compared before any text is
 * written; a text once written is kept for the next poll that lacks the
 * tag. `now` is the clock the feed's window is taken from (tests move it a day).
 */
export const icalFeeds: FastifyPluginAsync<{ db: Db; publicUrl: string; now?: () => Date }> = async (app, options) => {
  const { db } = options;
  const host = new URL(options.publicUrl).hostname;
  const now = options.now ?? (() => new Date());
  const known = new KnownFeeds();
  const rendered = new RenderedFeeds(RENDERED_FEEDS_BYTES);
  app.get<{ Params: { file: string } }>('/ical/:file', async (request, reply) => {
    void reply.header('cache-control', 'private, no-cache');
    const tokenHash = tokenHashOf(request.params.file);
    if (tokenHash === undefined) return notFound(reply);
    const feed = known.get(tokenHash) ?? (await findLiveFeedByHash(db, tokenHash));
    const window = feedWindow(now());
    const version = feed && (await feedVersion(db, feed, window, host));
    if (!feed || !version) {
      known.forget(tokenHash);
      return notFound(reply);
    }
    known.remember(tokenHash, feed);
    void reply.header('etag', version.etag);
    if (matches(request.headers['if-none-match'], version.etag)) return reply.status(304).send();
    let body = rendered.get(feed.id, version.etag);
    if (!body) {
      // Read again in a snapshot of its own: if the schedule changed since, the text carries its own tag.
      const fresh = await renderFeed(db, tokenHash, window, host);
      if (!fresh) return notFound(reply);
      rendered.set(fresh.feed.id, fresh.etag, fresh.body);
      void reply.header('etag', fresh.etag);
      body = fresh.body;
    }
    return reply.type('text/calendar; charset=utf-8').send(body);
  });
};
