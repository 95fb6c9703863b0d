/** One request as the SDK made it. */
export interface SeenRequest {
  url: URL;
  method: string;
  headers: Headers;
  credentials: RequestCredentials | undefined;
  body: string | undefined;
}

/**
 * A fetch that records what it is asked and answers each call of a batch
 * with `data`: enough to see the SDK's requests without a server.
 */
export function recordingFetch(data: unknown = null): { fetch: typeof globalThis.fetch; seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    seen.push({
      url,
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      credentials: init?.credentials,
      body: typeof init?.body === 'string' ? init.body : undefined,
    });
    const calls = url.pathname.split('/').pop()!.split(',').length;
    const answer = url.searchParams.get('batch') === '1' ? Array.from({ length: calls }, () => ({ result: { data } })) : { result: { data } };
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, seen };
}
