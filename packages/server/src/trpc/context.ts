import type { FastifyRequest } from 'fastify';
import type { Locale } from '@ponte/forms';
import type { ServerConfig } from '../config.js';
import type { Db } from '../db/database.js';
import type { DialectName } from '../db/connect.js';
import { readKeyForCall, type KeyForCall } from '../auth/credentials.js';
import type { KeyReader } from '../auth/key-reads.js';
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
  /** The publishable key as read for this request (auth/credentials.ts `readKeyForCall`), read once however often asked. */
  readKey: () => Promise<KeyForCall>;
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
  /** the read of the key made for this request already, if one was */
  readKey?: () => Promise<KeyForCall>;
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
    readKey: input.readKey ?? once(() => (input.publishableKey ? readKeyForCall(input.db, input.publishableKey, input.origin) : Promise.resolve(undefined))),
  };
}

function once<T>(read: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= read());
}

/** The token of an `Authorization: Bearer …` header. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
}

function header(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined || v === '' ? undefined : v;
}

export function contextFactory({ readKey, ...deps }: { db: Db; dialect: DialectName; config: ServerConfig; readKey: KeyReader }) {
  return function createContext({ req }: { req: FastifyRequest }): Context {
    const bearer = bearerToken(header(req.headers.authorization));
    return createContextInner({
      ...deps,
      locale: pickLocale(header(req.headers['x-ponte-locale']), header(req.headers['accept-language'])),
      bearerToken: bearer,
      publishableKey: header(req.headers['x-ponte-key']),
      origin: header(req.headers.origin),
      readKey: () => requestKeyRead(readKey, req) ?? Promise.resolve(undefined),
    });
  };
}

const keyReads = new WeakMap<FastifyRequest, Promise<KeyForCall>>();

/**
 * The read of a request's publishable key (x-ponte-key), made once for the
 * request: CORS asks it whether the request's Origin is one a live key lists
 * (http/app.ts), the procedure whose key it is (trpc.ts `requireSubmitter`),
 * and one read answers both (auth/key-reads.ts, which keeps it while nothing
 * it read changes). Undefined for a request without a key.
 */
export function requestKeyRead(readKey: KeyReader, req: FastifyRequest): Promise<KeyForCall> | undefined {
  const key = header(req.headers['x-ponte-key']);
  if (key === undefined) return undefined;
  let read = keyReads.get(req);
  if (!read) {
    read = readKey(key, header(req.headers.origin));
    keyReads.set(req, read);
  }
  return read;
}
