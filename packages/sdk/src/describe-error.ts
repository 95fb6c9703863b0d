import type { FieldErrors, Locale } from '@ponte/forms';
import { isRecord } from './is-record.js';
import { sdkMessage } from './sdk-messages.js';

/** What a failed call means, ready to show: the same shape whatever went wrong. */
export interface PonteErrorDescription {
  /** A sentence for the person in front of the screen, in their language. */
  message: string;
  /**
   * Field path → message naming the field, in the language of the request
   * (e.g. `beneficiaries.0.citizenship`). `''` is the submission as a whole.
   * Empty when the error is not about fields.
   */
  fieldErrors: FieldErrors;
  /** The tRPC error code (`BAD_REQUEST`, `UNAUTHORIZED`, `TOO_MANY_REQUESTS`…); null when no answer came. */
  code: string | null;
  /** The HTTP status the server answered; null when no answer came. */
  httpStatus: number | null;
}

interface ServerErrorData {
  code: string;
  httpStatus: number;
  fieldErrors?: unknown;
}

/**
 * The `data` of an error the server answered. Read by shape rather than with
 * `instanceof TRPCClientError`, so an error from another copy of
 * @trpc/client (a widget bundle beside an app) is understood too.
 */
function serverErrorData(error: unknown): ServerErrorData | undefined {
  if (!isRecord(error)) return undefined;
  const data = error['data'];
  if (!isRecord(data) || typeof data['code'] !== 'string' || typeof data['httpStatus'] !== 'number') return undefined;
  return data as unknown as ServerErrorData;
}

function toFieldErrors(value: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (!isRecord(value)) return out;
  for (const [path, message] of Object.entries(value)) {
    if (typeof message === 'string') out[path] = message;
  }
  return out;
}

/** The error and its causes, outermost first; bounded, as a cause chain may loop. */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && chain.length < 8 && !chain.includes(current)) {
    chain.push(current);
    current = isRecord(current) ? current['cause'] : undefined;
  }
  return chain;
}

function nameOf(value: unknown): string | undefined {
  return isRecord(value) && typeof value['name'] === 'string' ? value['name'] : undefined;
}

/**
 * Turns anything a Ponte call threw into a message, field errors, a code and
 * an HTTP status.
 *
 * - The server answered: its message and field errors, already in the
 *   language the client asked for (`locale` of `createPonteClient`).
 * - No answer (server down, wrong address, offline, CORS refusal, timeout):
 *   a "network" message in `locale`, with `code` and `httpStatus` null.
 * - The call was aborted through its `signal`: a "cancelled" message.
 * - Anything else: a generic message in `locale`.
 *
 * `locale` should be the one the client was made with: it only matters when
 * the server did not answer.
 */
export function describeError(error: unknown, locale: Locale = 'it'): PonteErrorDescription {
  const data = serverErrorData(error);
  if (data) {
    const message = isRecord(error) && typeof error['message'] === 'string' && error['message'] ? error['message'] : sdkMessage('unexpected', locale);
    return { message, fieldErrors: toFieldErrors(data.fieldErrors), code: data.code, httpStatus: data.httpStatus };
  }

  const names = causeChain(error).map(nameOf);
  if (names.includes('AbortError')) {
    return { message: sdkMessage('aborted', locale), fieldErrors: {}, code: null, httpStatus: null };
  }
  // NOTE: fetch rejects with a TypeError on every network failure
  // (https://fetch.spec.whatwg.org/#concept-network-error): refused
  // connection, DNS, offline, a CORS refusal. Undici words it "fetch failed",
  // Chrome "Failed to fetch", Firefox "NetworkError…", Safari "Load failed".
  // node-fetch throws a FetchError; AbortSignal.timeout() a TimeoutError.
  // Only under a TRPCClientError: a bare TypeError is a bug, not the network.
  const fromClient = names[0] === 'TRPCClientError';
  if (fromClient && names.some((n) => n === 'TypeError' || n === 'FetchError' || n === 'TimeoutError')) {
    return { message: sdkMessage('network', locale), fieldErrors: {}, code: null, httpStatus: null };
  }
  return { message: sdkMessage('unexpected', locale), fieldErrors: {}, code: null, httpStatus: null };
}
