import type { FastifyRequest } from 'fastify';
import type { Locale } from '@ponte/forms';
import type { ServerConfig } from '../config.js';
import type { Db } from '../db/database.js';
import type { DialectName } from '../db/connect.js';
import { normaliseOrigin } from '../auth/origin.js';
import { pickLocale } from '../i18n/messages.js';

/** What every procedure may use. Credentials are only read here; middlewares resolve them. */
export interface Context {
  db: Db;
  dialect: DialectName;
  config: ServerConfig;
  locale: Locale;
  /** The bearer token of a staff member, without the "Bearer " prefix. */
  bearerToken: string | undefined;
  /** An organisation's publishable key (x-ponte-key). */
  publishableKey: string | undefined;
  /** The Origin header, when a browser sent one. */
  origin: string | undefined;
  /** Origins that are Ponte's own (its public URL): always allowed. */
  ownOrigins: readonly string[];
  now: () => Date;
}

export interface ContextInput {
  db: Db;
  dialect: DialectName;
  config: ServerConfig;
  locale?: Locale;
  bearerToken?: string;
  publishableKey?: string;
  origin?: string;
  now?: () => Date;
}

/** Ponte's own sites: its public URL and any extra origins configured (a console elsewhere). */
export function ownOrigins(config: ServerConfig): string[] {
  const extra = config.extraCorsOrigins.map(normaliseOrigin).filter((o): o is string => o !== null);
  return [new URL(config.publicUrl).origin, ...extra];
}

/** Builds a context from plain values: what tests use to call procedures without HTTP. */
export function createContextInner(input: ContextInput): Context {
  return {
    db: input.db,
    dialect: input.dialect,
    config: input.config,
    locale: input.locale ?? 'it',
    bearerToken: input.bearerToken,
    publishableKey: input.publishableKey,
    origin: input.origin,
    ownOrigins: ownOrigins(input.config),
    now: input.now ?? (() => new Date()),
  };
}

/** The token of an `Authorization: Bearer …` header. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
}

function header(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined || v === '' ? undefined : v;
}

export function contextFactory(deps: { db: Db; dialect: DialectName; config: ServerConfig }) {
  return function createContext({ req }: { req: FastifyRequest }): Context {
    const bearer = bearerToken(header(req.headers.authorization));
    return createContextInner({
      ...deps,
      locale: pickLocale(header(req.headers['x-ponte-locale']), header(req.headers['accept-language'])),
      bearerToken: bearer,
      publishableKey: header(req.headers['x-ponte-key']),
      origin: header(req.headers.origin),
    });
  };
}
