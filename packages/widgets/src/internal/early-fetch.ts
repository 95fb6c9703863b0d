declare global {
  /**
   * The answers `ponte.js` read ahead (their JSON), by request:
   * `${url} ${JSON.stringify(headers)}` (internal/early-calls.ts); each taken once.
   */
  var ponteEarlyCalls: Record<string, Promise<unknown>> | undefined;
}

/**
 * The widgets' `fetch`: the answer `ponte.js` read ahead for this very
 * request, taken once, or else the network's. An early call that failed is
 * made again here, so that the error the widget meets is the server's own;
 * one still on its way gives up with the request's signal (the SDK's time
 * limit), as a fetch would.
 */
export function earlyFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = `${String(input)} ${JSON.stringify(init?.headers)}`;
  const early = globalThis.ponteEarlyCalls?.[request];
  delete globalThis.ponteEarlyCalls?.[request];
  // The global fetch is looked up per call, as the SDK does: tests replace it.
  const ask = () => fetch(input, init);
  if (!early) return ask();
  const signal = init?.signal;
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal!.reason);
    if (signal?.aborted) abort();
    else signal?.addEventListener('abort', abort, { once: true });
    // Its JSON is all the SDK reads of a response, and it is read already.
    early.then((answer) => resolve({ json: () => answer } as unknown as Response), () => ask().then(resolve, reject));
  });
}
