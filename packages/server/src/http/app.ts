import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { normaliseOrigin } from '../auth/origin.js';
import { isOriginOfAnyKey } from '../auth/publishable-key.repository.js';
import type { ServerConfig } from '../config.js';
import type { DatabaseHandle } from '../db/connect.js';
import { icalFeeds } from '../calendar-feeds/ical.route.js';
import { pickLocale, serverMessage } from '../i18n/messages.js';
import { appRouter } from '../app.router.js';
import { contextFactory, ownOrigins, requestKeyRead } from '../trpc/context.js';
import { keptKeyReads } from '../auth/key-reads.js';
import { answerClientError } from './client-errors.js';
import { compressAnswers } from './compression.js';
import { liveTokenCache } from './live-token-cache.js';
import { loggerOptions } from './logger.js';
import { proceduresOf, SIGN_IN, TRPC_PREFIX } from './procedures-of.js';
import { rateLimitKeys } from './rate-limit-keys.js';
import { rateLimitStore } from './rate-limit-store.js';
import { staticFiles } from './static.js';
import { trpcRoute } from './trpc-route.js';
import { trpcErrorEnvelope } from './trpc-envelope.js';

function localeOf(request: FastifyRequest) {
  const explicit = request.headers['x-ponte-locale'];
  return pickLocale(typeof explicit === 'string' ? explicit : undefined, request.headers['accept-language']);
}

/** The most calls one HTTP request may batch; the SDK batches no more. */
export const MAX_BATCH_SIZE = 10;

/** Builds the HTTP server: security headers, CORS, rate limits, /healthz, tRPC at /trpc (answers compressed), the widgets and examples, the iCal feeds. */
export async function buildApp(config: ServerConfig, database: DatabaseHandle): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config),
    bodyLimit: config.bodyLimitBytes,
    // Rate limits key on the client address. Behind a reverse proxy it is in
    // X-Forwarded-For, but trusting that header from anyone would let a client
    // pick its own address: only when configured.
    trustProxy: config.trustProxy,
    // A batch names all its procedures in one path segment ("a,b,c").
    routerOptions: { maxParamLength: 2000 },
    clientErrorHandler: answerClientError,
    // A path that is not valid percent-encoding: answered like any other bad call.
    frameworkErrors: (_error, request, reply) => {
      void (reply as FastifyReply).status(400).send(trpcErrorEnvelope(request, 400, serverMessage('procedureNotFound', localeOf(request))));
    },
  });
  const own = new Set(ownOrigins(config));
  const readKey = keptKeyReads(database.db, database.credentialChanges);

  await app.register(helmet, {
    // Widget scripts are loaded by school and municipal sites: other origins.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    // On a plain-http demo, upgrading subresources to https would break every page.
    contentSecurityPolicy: {
      directives: { upgradeInsecureRequests: config.publicUrl.startsWith('https:') ? [] : null },
    },
    strictTransportSecurity: config.publicUrl.startsWith('https:'),
  });

  // A preflight carries no key, so it may pass for any origin that some live
  // key lists; the call itself then checks that its key lists that origin.
  // A call with a key is let through by its key's read, when the key lists
  // its origin: the read the procedure makes of the key anyway, made once.
  async function originAllowed(request: FastifyRequest): Promise<boolean> {
    const origin = request.headers.origin;
    if (origin === undefined) return false;
    const normalised = normaliseOrigin(origin);
    if (normalised === null) return false;
    if (own.has(normalised)) return true;
    const keyRead = request.method === 'OPTIONS' ? undefined : requestKeyRead(readKey, request);
    if (keyRead && (await keyRead)?.originListed) return true;
    return isOriginOfAnyKey(database.db, normalised);
  }
  const corsOptions = {
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'x-ponte-key', 'x-ponte-locale', 'trpc-accept'],
    credentials: false,
    // Lets a widget read how long to wait after a 429.
    exposedHeaders: ['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'],
    maxAge: 600,
  };
  await app.register(cors, {
    delegator: async (request: FastifyRequest) => ({ ...corsOptions, origin: await originAllowed(request) }),
  });

  await app.register(rateLimit, {
    ...rateLimitStore(app, config),
    ...rateLimitKeys(config.rateLimits, liveTokenCache(database.db)),
    timeWindow: 60_000,
    errorResponseBuilder: (request, context) => {
      const seconds = Math.ceil(context.ttl / 1000);
      // @fastify/rate-limit throws what this returns: give it the status too.
      return Object.assign(trpcErrorEnvelope(request, 429, serverMessage('tooManyRequests', localeOf(request), { seconds })), {
        statusCode: 429,
      });
    },
  });

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const locale = localeOf(request);
    const message =
      status === 413
        ? serverMessage('payloadTooLarge', locale)
        : status === 429
          ? serverMessage('tooManyRequests', locale, { seconds: 60 })
          : status >= 500
            ? serverMessage('internal', locale)
            : serverMessage('invalidInput', locale, { fields: 'body' });
    // A URL too broken to route still answers as tRPC would, if it names tRPC.
    const body = proceduresOf(request) !== null || request.url.startsWith(TRPC_PREFIX)
      ? (error as { error?: unknown }).error !== undefined || Array.isArray(error)
        ? error
        : trpcErrorEnvelope(request, status, message)
      : { statusCode: status, message };
    return reply.status(status).send(body);
  });

  // The API speaks JSON only. Refusing other bodies here, where the caller's
  // language is known, keeps the answer in that language (tRPC's own refusal
  // comes before its context, so it could not be translated).
  app.addHook('onRequest', async (request, reply) => {
    const calls = proceduresOf(request);
    if (calls === null) return;
    // A path that does not decode runs nothing in tRPC either: refused here, no check has to guess what it names.
    if (!calls.decodable) {
      return reply.status(400).send(trpcErrorEnvelope(request, 400, serverMessage('procedureNotFound', localeOf(request))));
    }
    // The limiter counts requests: a batch of sign-ins would try ten passwords
    // (and run ten scrypt hashes) for the price of one. Sign-in goes alone.
    if (calls.procedures.length > 1 && calls.procedures.includes(SIGN_IN)) {
      return reply.status(400).send(trpcErrorEnvelope(request, 400, serverMessage('signInNotBatched', localeOf(request))));
    }
    if (request.method !== 'POST') return;
    const type = request.headers['content-type'];
    if (type !== undefined && !/^application\/json\s*(;|$)/i.test(type)) {
      return reply.status(415).send(trpcErrorEnvelope(request, 415, serverMessage('unsupportedMediaType', localeOf(request))));
    }
  });

  app.get('/healthz', async (_request, reply) => {
    try {
      await sql`select 1`.execute(database.db);
      return { status: 'ok', database: database.dialect };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: database.dialect });
    }
  });

  // The API answers compressed. The iCal route stays outside this scope: its
  // strong ETag names the text as written, and a compressed copy would need
  // a tag of its own. The static files hold their compressed copies, each
  // with its own tag (static.ts).
  await app.register(async (compressed) => {
    await compressAnswers(compressed);
    await compressed.register(
      (scope) =>
        trpcRoute(scope, {
          router: appRouter,
          // A batch is one request to the rate limiter: keep it small.
          maxBatchSize: MAX_BATCH_SIZE,
          createContext: contextFactory({ db: database.db, dialect: database.dialect, config, readKey }),
          onError({ error, path, req }) {
            if (error.code === 'INTERNAL_SERVER_ERROR') req.log.error({ err: error.cause ?? error, path }, 'procedure failed');
          },
        }),
      { prefix: TRPC_PREFIX },
    );
  });
  await app.register(staticFiles, { widgetsDir: config.widgetsDir, examplesDir: config.examplesDir });

  await app.register(icalFeeds, { db: database.db, publicUrl: config.publicUrl });

  return app;
}
