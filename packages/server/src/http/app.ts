import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { normaliseOrigin } from '../auth/origin.js';
import { isOriginOfAnyKey } from '../auth/publishable-key.repository.js';
import type { ServerConfig } from '../config.js';
import type { DatabaseHandle } from '../db/connect.js';
import { pickLocale, serverMessage } from '../i18n/messages.js';
import { appRouter, type AppRouter } from '../routers/app.router.js';
import { contextFactory } from '../trpc/context.js';
import { trpcErrorEnvelope } from './trpc-envelope.js';

function localeOf(request: FastifyRequest) {
  const explicit = request.headers['x-ponte-locale'];
  return pickLocale(typeof explicit === 'string' ? explicit : undefined, request.headers['accept-language']);
}

function isSignIn(request: FastifyRequest): boolean {
  return request.url.startsWith('/trpc/') && request.url.split('?')[0]!.includes('auth.signIn');
}

/** Builds the HTTP server: security headers, CORS, rate limits, tRPC at /trpc and /healthz. */
export async function buildApp(config: ServerConfig, database: DatabaseHandle): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    // Behind a reverse proxy the client address is in X-Forwarded-For; rate limits key on it.
    trustProxy: true,
  });
  const ownOrigins = new Set([new URL(config.publicUrl).origin, ...config.extraCorsOrigins.map((o) => normaliseOrigin(o) ?? o)]);

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
  await app.register(cors, {
    origin: async (origin: string | undefined) => {
      if (origin === undefined) return false;
      const normalised = normaliseOrigin(origin);
      if (normalised === null) return false;
      return ownOrigins.has(normalised) || (await isOriginOfAnyKey(database.db, normalised));
    },
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'x-ponte-key', 'x-ponte-locale', 'trpc-accept'],
    credentials: false,
    maxAge: 600,
  });

  await app.register(rateLimit, {
    timeWindow: 60_000,
    max: (request: FastifyRequest) => {
      if (isSignIn(request)) return config.rateLimits.signInPerMinute;
      return request.headers.authorization ? config.rateLimits.staffPerMinute : config.rateLimits.publicPerMinute;
    },
    // Sign-in attempts are counted apart from the rest, so browsing does not use them up.
    keyGenerator: (request: FastifyRequest) => `${isSignIn(request) ? 'signin' : 'api'}:${request.ip}`,
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
    if (status >= 500) request.log.error(error);
    const locale = localeOf(request);
    const message =
      status === 413
        ? serverMessage('payloadTooLarge', locale)
        : status === 429
          ? serverMessage('tooManyRequests', locale, { seconds: 60 })
          : status >= 500
            ? serverMessage('internal', locale)
            : serverMessage('invalidInput', locale, { fields: 'body' });
    const body = request.url.startsWith('/trpc')
      ? (error as { error?: unknown }).error !== undefined || Array.isArray(error)
        ? error
        : trpcErrorEnvelope(request, status, message)
      : { statusCode: status, message };
    return reply.status(status).send(body);
  });

  app.get('/healthz', async (_request, reply) => {
    try {
      await sql`select 1`.execute(database.db);
      return { status: 'ok', database: database.dialect };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: database.dialect });
    }
  });

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: contextFactory({ db: database.db, dialect: database.dialect, config }),
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') app.log.error({ err: error.cause ?? error, path }, 'procedure failed');
      },
    },
  } satisfies FastifyTRPCPluginOptions<AppRouter>);

  return app;
}
