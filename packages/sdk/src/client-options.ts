import type { TRPCClient } from '@trpc/client';
import type { Locale } from '@ponte/forms';
import type { AppRouter } from './server-types.js';

// What every Ponte client does with its options: where it sends, which
// headers, how it fetches. Shared by the tRPC clients (ponte-client.ts) and
// the fetch client (fetch-client.ts); type imports only, so the fetch client
// does not pull @trpc/client into a bundle through this module.

/** The typed client: `client.forms.list.query()`, `client.submissions.submit.mutate({…})`. */
export type PonteClient = TRPCClient<AppRouter>;

/** A value, or a function read again before every request. */
export type ValueOrGetter<T> = T | (() => T | Promise<T>);

export interface PonteClientOptions {
  /** The Ponte server's base URL, such as `https://ponte.example`; the SDK adds `/trpc`. */
  url: string;
  /**
   * An organisation's publishable key (`pk_…`), sent as `x-ponte-key`. Lets a
   * public page or an integration submit forms and read its organisation.
   */
  publishableKey?: string;
  /**
   * A staff bearer token from `auth.signIn`, sent as `authorization: Bearer …`.
   * Pass a function to have it read before every request, so that signing in
   * and out needs no new client: `token: () => sessionStorage.getItem('ponte.token')`.
   * A string is fixed for the client's life. Nothing, `null` or `''` sends none.
   */
  token?: ValueOrGetter<string | null | undefined>;
  /** The language of the server's messages and field errors (`x-ponte-locale`): `'it'` (default) or `'en'`. */
  locale?: ValueOrGetter<Locale>;
  /**
   * How long to wait for the server to start answering before giving up, in
   * milliseconds: 30 000 by default, 0 for no limit. A call that times out
   * is described as a network failure; a submission sent with an
   * idempotency key can then be retried safely.
   */
  timeoutMs?: number;
  /** A `fetch` of your own (a proxy agent, a test double); the global one otherwise. */
  fetch?: typeof globalThis.fetch;
  /** More headers for every request (tracing, a gateway's key). The Ponte headers above take precedence. */
  headers?: ValueOrGetter<Record<string, string>>;
}

/** Where to send, how to fetch and which headers: the options, resolved once per client. */
export interface ClientTransport {
  /** The tRPC endpoint, `<base>/trpc`, without a trailing slash. */
  url: string;
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** The headers of one request, with the token and locale read now. */
  headers: () => Promise<Record<string, string>>;
}

async function read<T>(value: ValueOrGetter<T>): Promise<T> {
  return typeof value === 'function' ? await (value as () => T | Promise<T>)() : value;
}

function trpcUrl(base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new TypeError(`createPonteClient: url must be an absolute http(s) URL such as https://ponte.example, not ${JSON.stringify(base)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`createPonteClient: url must use http or https, not ${url.protocol}`);
  }
  const path = url.pathname.replace(/\/+$/, '');
  // Tolerate a URL that already names the endpoint rather than doubling it.
  url.pathname = path.endsWith('/trpc') ? path : `${path}/trpc`;
  return url.toString().replace(/\/$/, '');
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Calls `fetch` with no cookies and a time limit. The limit is applied here,
 * not through a signal given to tRPC: tRPC aborts its own signal without a
 * reason, so a timeout would look like a cancellation made on purpose.
 */
function fetchWithLimit(customFetch: typeof globalThis.fetch | undefined, timeoutMs: number): ClientTransport['fetch'] {
  return (input, init) => {
    // NOTE: Ponte uses no cookies (the checker of Italian PA sites flags
    // third-party cookies; docs/architecture.md#staff-tokens), so none are ever sent, even to a
    // console served from Ponte's own origin. The global fetch is looked
    // up per call, not captured, so it can be replaced later (tests).
    const doFetch = customFetch ?? globalThis.fetch;
    const request: RequestInit = { ...init, credentials: 'omit' };
    if (!(timeoutMs > 0)) return doFetch(input, request);

    const controller = new AbortController();
    const outer = init?.signal ?? undefined;
    const forward = () => controller.abort(outer?.reason);
    if (outer?.aborted) forward();
    else outer?.addEventListener('abort', forward, { once: true });
    const timer = setTimeout(
      () => controller.abort(new DOMException(`No answer from Ponte within ${timeoutMs} ms`, 'TimeoutError')),
      timeoutMs,
    );
    return doFetch(input, { ...request, signal: controller.signal }).finally(() => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', forward);
    });
  };
}

/** Resolves a client's options; throws at creation on a URL that is not absolute http(s). */
export function clientTransport(options: PonteClientOptions): ClientTransport {
  return {
    url: trpcUrl(options.url),
    fetch: fetchWithLimit(options.fetch, options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    async headers() {
      const [extra, token, locale] = await Promise.all([
        read(options.headers ?? {}),
        read(options.token),
        read(options.locale ?? 'it'),
      ]);
      const headers: Record<string, string> = { ...extra, 'x-ponte-locale': locale === 'en' ? 'en' : 'it' };
      if (options.publishableKey) headers['x-ponte-key'] = options.publishableKey;
      if (token) headers['authorization'] = `Bearer ${token}`;
      return headers;
    },
  };
}
