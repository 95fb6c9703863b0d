import { createTRPCClient, httpBatchLink, httpLink } from '@trpc/client';
import type { AppRouter } from './server-types.js';
import { clientTransport, type PonteClient, type PonteClientOptions } from './client-options.js';

/** What the two HTTP links share: where to send, how to fetch, which headers. */
function linkOptions(options: PonteClientOptions) {
  const { url, fetch, headers } = clientTransport(options);
  return {
    url,
    headers,
    // tRPC types `init` as its own RequestInit look-alike.
    fetch: (input: RequestInfo | URL, init?: unknown) => fetch(input, init as RequestInit | undefined),
  };
}

/**
 * Makes a typed client of the Ponte API. Calls made in the same tick travel
 * in one HTTP request (tRPC batching). Works in browsers and on Node 20+.
 *
 * @example
 * const ponte = createPonteClient({ url: 'https://ponte.example', publishableKey: 'pk_…', locale: 'en' });
 * const forms = await ponte.forms.list.query();
 */
export function createPonteClient(options: PonteClientOptions): PonteClient {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        ...linkOptions(options),
        // Long batches of queries are split rather than sent as URLs that
        // proxies and older servers refuse.
        maxURLLength: 4000,
        // The server refuses batches of more than 10 calls (MAX_BATCH_SIZE in
        // packages/server/src/http/app.ts), since a batch is one request to
        // its rate limiter.
        maxItems: 10,
      }),
    ],
  });
}

/**
 * The same client without batching: every call is its own HTTP request.
 * For code that makes a call or two at a time and counts its bytes: a
 * bundler then leaves tRPC's batching code out, some 0.7 kB gzip. Each call
 * counts on its own against the server's rate limit. (The widgets go further
 * with createFetchPonteClient, which leaves tRPC's client out altogether.)
 */
export function createUnbatchedPonteClient(options: PonteClientOptions): PonteClient {
  return createTRPCClient<AppRouter>({ links: [httpLink(linkOptions(options))] });
}
