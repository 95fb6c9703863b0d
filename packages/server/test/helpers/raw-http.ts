import http from 'node:http';

export interface RawAnswer {
  status: number;
  body: string;
}

/**
 * Sends a request with its target exactly as written: fetch would normalise
 * it (drop a fragment, resolve dot segments), and the spellings that walk
 * around a check are precisely what the tests must send.
 */
export function rawRequest(
  baseUrl: string,
  target: string,
  options: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  const base = new URL(baseUrl);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: base.hostname,
        port: base.port,
        path: target,
        method: options.method ?? (payload === undefined ? 'GET' : 'POST'),
        headers: {
          ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }),
          ...options.headers,
        },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body }));
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}
