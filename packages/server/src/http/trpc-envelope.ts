import type { FastifyRequest } from 'fastify';
import { proceduresOf } from './procedures-of.js';

// JSON-RPC codes tRPC uses for the HTTP errors Fastify raises before tRPC runs.
const RPC_CODES: Record<number, [number, string]> = {
  400: [-32600, 'BAD_REQUEST'],
  404: [-32004, 'NOT_FOUND'],
  405: [-32005, 'METHOD_NOT_SUPPORTED'],
  413: [-32413, 'PAYLOAD_TOO_LARGE'],
  415: [-32415, 'UNSUPPORTED_MEDIA_TYPE'],
  429: [-32429, 'TOO_MANY_REQUESTS'],
  500: [-32603, 'INTERNAL_SERVER_ERROR'],
};

/**
 * An error answered before tRPC sees the request (rate limit, body too
 * large, malformed JSON), shaped as tRPC shapes its own, so the SDK reads it
 * like any other: one envelope per call of a batch, counted and named as
 * tRPC would. A request tRPC could not read gets one envelope, naming none.
 */
export function trpcErrorEnvelope(request: FastifyRequest, httpStatus: number, message: string) {
  const [code, name] = RPC_CODES[httpStatus] ?? RPC_CODES[httpStatus >= 500 ? 500 : 400]!;
  const envelope = (path: string | null) => ({ error: { message, code, data: { code: name, httpStatus, path, fieldErrors: null } } });
  const calls = proceduresOf(request);
  if (calls?.decodable) return calls.batch ? calls.procedures.map(envelope) : envelope(calls.procedures[0] ?? null);
  return envelope(null);
}
