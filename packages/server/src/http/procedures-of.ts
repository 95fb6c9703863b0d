import type { FastifyRequest } from 'fastify';

/** Where tRPC is mounted. */
export const TRPC_PREFIX = '/trpc';

/** The one route tRPC's Fastify adapter registers; `path` is what it hands tRPC. */
const TRPC_ROUTE = `${TRPC_PREFIX}/:path`;

export const SIGN_IN = 'auth.signIn';

export type TrpcCalls =
  /** The procedures tRPC will look up, in order; a batch's are several. */
  | { decodable: true; procedures: readonly string[]; batch: boolean }
  /** A path tRPC cannot decode: it runs nothing, and the request is refused. */
  | { decodable: false };

/**
 * Names the procedures a request will make tRPC run, or answers null when
 * the request does not reach tRPC at all.
 *
 * Checks must read the path as tRPC will, not as the raw URL spells it: the
 * router matches after decoding (so "/%74rpc/auth.signIn" is tRPC's route),
 * hands tRPC its already decoded parameter, and tRPC decodes that once more
 * before splitting a batch on ",". So "auth%2EsignIn", "auth%252EsignIn" and
 * "auth.signIn%2Cauth.signIn" all run auth.signIn. Starting from the very
 * parameter tRPC receives, and decoding it as tRPC does, leaves no spelling
 * for a check to miss.
 */
export function proceduresOf(request: FastifyRequest): TrpcCalls | null {
  if (request.routeOptions.url !== TRPC_ROUTE) return null;
  const param = (request.params as { path?: unknown }).path;
  if (typeof param !== 'string') return null;
  let path: string;
  let batch: boolean;
  try {
    path = decodeURIComponent(param);
    // tRPC reads `batch` from a WHATWG URL of the raw target: its first value, percent-decoded, no fragment.
    batch = new URL(request.raw.url ?? '', 'http://x').searchParams.get('batch') === '1';
  } catch {
    return { decodable: false };
  }
  // The router keeps tRPC's default path separator ("."), so the decoded path is the procedure path.
  return { decodable: true, procedures: batch ? path.split(',') : [path], batch };
}

/** Whether the request will run sign-in, alone or within a batch. */
export function runsSignIn(request: FastifyRequest): boolean {
  const calls = proceduresOf(request);
  return calls !== null && calls.decodable && calls.procedures.includes(SIGN_IN);
}
