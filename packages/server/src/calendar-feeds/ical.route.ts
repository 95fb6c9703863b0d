import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../db/database.js';
import { renderFeed } from './feed-content.js';
import { liveFeedOf } from './feed-token.js';

/**
 * GET /ical/<token>.ics: a mediator's or an organisation's calendar, for
 * calendar apps that poll. The secret token is the only credential; answers
 * are private to the holder, carry no cookie, and a matching If-None-Match
 * answers 304 with no body.
 */
export const icalFeeds: FastifyPluginAsync<{ db: Db; publicUrl: string }> = async (app, options) => {
  const host = new URL(options.publicUrl).hostname;
  app.get<{ Params: { file: string } }>('/ical/:file', async (request, reply) => {
    void reply.header('cache-control', 'private, no-cache');
    const token = request.params.file.endsWith('.ics') ? request.params.file.slice(0, -4) : '';
    const feed = token ? await liveFeedOf(options.db, token) : undefined;
    if (!feed) return reply.status(404).type('text/plain; charset=utf-8').send('Calendario non trovato / Calendar not found');
    const { body, etag } = await renderFeed(options.db, feed, host, new Date());
    void reply.header('etag', etag);
    const match = request.headers['if-none-match'];
    if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return reply.status(304).send();
    return reply.type('text/calendar; charset=utf-8').send(body);
  });
};
