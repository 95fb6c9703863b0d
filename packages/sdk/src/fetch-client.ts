import { clientTransport, type PonteClient, type PonteClientOptions } from './client-options.js';
import { PonteFetchError, type PonteErrorShape } from './fetch-client-error.js';
import { isRecord } from './is-record.js';

// A client of the Ponte API that speaks tRPC's HTTP protocol with fetch alone
// (https://trpc.io/docs/rpc), for the embeddable widgets: the widget library
// is budgeted at 55 kB gzip (30 kB a widget's first load,
// scripts/bundle-budget.mjs), and @trpc/client took some 4 kB of it. So: type
// imports of tRPC only, and no batching (a widget makes a call or two).

/**
 * The data of a tRPC answer, or the error it carries thrown. Answers are
 * judged by their shape, not their HTTP status, as tRPC's own links do.
 */
function dataOf(answer: unknown, path: string): unknown {
  if (isRecord(answer) && 'error' in answer) {
    const error = answer['error'];
    if (isRecord(error) && typeof error['code'] === 'number' && typeof error['message'] === 'string') {
      throw new PonteFetchError(error['message'], error as unknown as PonteErrorShape);
    }
  } else if (isRecord(answer) && isRecord(answer['result'])) {
    return answer['result']['data'];
  }
  throw new PonteFetchError(`${path}: the answer is not a tRPC answer`);
}

/**
 * Makes a typed client of the Ponte API without @trpc/client: the options,
 * calls and types of `createPonteClient` (`client.forms.get.query({ id })`,
 * `client.submissions.submit.mutate(input, { signal })`), every call its own
 * request, failures that `describeError()` reads as it reads tRPC's. For
 * code that counts its bytes; otherwise prefer `createPonteClient`.
 */
export function createFetchPonteClient(options: PonteClientOptions): PonteClient {
  const transport = clientTransport(options);

  async function call(path: string, kind: 'query' | 'mutate', input: unknown, signal?: AbortSignal | null): Promise<unknown> {
    let response: Response | undefined;
    let answer: unknown;
    try {
      // A query is a GET with its input in the URL, a mutation a POST with
      // its input as the body; no input, no parameter and no body.
      const [base, search] = transport.url.split('?');
      const params = search ? [search] : [];
      const isQuery = kind === 'query';
      if (isQuery && input !== undefined) params.push(`input=${encodeURIComponent(JSON.stringify(input))}`);
      const headers = await transport.headers();
      response = await transport.fetch(`${base}/${path}${params.length ? `?${params.join('&')}` : ''}`, {
        method: isQuery ? 'GET' : 'POST',
        // The server refuses a POST without this type, even with no body.
        headers: isQuery ? headers : { 'content-type': 'application/json', ...headers },
        body: isQuery || input === undefined ? null : JSON.stringify(input),
        signal: signal ?? null,
      });
      answer = await response.json();
    } catch (cause) {
      // NOTE: fetch rejects with the signal's reason, whatever the caller
      // aborted with; tRPC's links abort fetch with a reason-less signal of
      // their own, so a cancellation always reads as an AbortError. Same here.
      if (signal?.aborted) throw new PonteFetchError('The call was aborted', undefined, new DOMException('The call was aborted', 'AbortError'));
      // A proxy's error page rather than Ponte's JSON: name the status for
      // whoever reads the log; describeError() calls it unexpected, as for tRPC.
      const message = cause instanceof SyntaxError ? `${path}: the answer (HTTP ${response?.status}) is not JSON` : String((cause as Error | undefined)?.message ?? cause);
      throw new PonteFetchError(message, undefined, cause);
    }
    return dataOf(answer, path);
  }

  /** `client.a.b.query(…)`: the path is collected property by property, the last one says how to call. */
  function procedure(path: string[]): unknown {
    return new Proxy(() => {}, {
      // 'then' is not a procedure: without this, `await client` (or an async
      // function returning one) would take the client for a promise.
      get: (_, key) => (typeof key === 'string' && key !== 'then' ? procedure([...path, key]) : undefined),
      apply(_, __, args: [unknown?, { signal?: AbortSignal | null }?]) {
        const kind = path[path.length - 1];
        if (kind !== 'query' && kind !== 'mutate') {
          throw new TypeError(`${path.join('.')}: call a Ponte procedure with .query() or .mutate()`);
        }
        return call(path.slice(0, -1).join('.'), kind, args[0], args[1]?.signal);
      },
    });
  }

  return procedure([]) as PonteClient;
}
