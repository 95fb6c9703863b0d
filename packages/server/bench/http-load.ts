import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

export interface LoadResult {
  /** answers with a 2xx status, per second */
  perSecond: number;
  p99Ms: number;
  /** answers that were not 2xx, errors and timeouts: any of them makes the run suspect */
  failed: number;
  /** each status answered and how often: '200×3829' */
  statuses: string;
}

/**
 * Holds `connections` connections busy POSTing `body` to `url` for `seconds`,
 * each sending its next request as soon as the last is answered. `[<id>]` in
 * the body becomes a new id per request, never the same twice (an idempotency key, say).
 */
export async function load(url: string, options: { headers: Record<string, string>; body: string; connections: number; seconds: number }): Promise<LoadResult> {
  // Not autocannon's own idReplacement: it announces a Content-Length for ids
  // of one length and sends ids of another, so the server waits for bytes that never come.
  const run = randomUUID().slice(0, 8);
  let sent = 0;
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        method: 'POST',
        headers: options.headers,
        setupRequest: (request) => ({ ...request, body: options.body.replace('[<id>]', `${run}-${++sent}`) }),
      },
    ],
  });
  return {
    perSecond: result['2xx'] / result.duration,
    p99Ms: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
    statuses: Object.entries(result.statusCodeStats).map(([status, { count }]) => `${status}×${count}`).join(' '),
  };
}
