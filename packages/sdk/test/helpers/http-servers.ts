import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';

/** One request as a server of this file received it. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface HttpServer {
  url: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => void;

/**
 * A real HTTP server on a free port that records what it receives: for
 * failures Ponte itself never makes (a proxy's error page, silence) and for
 * seeing the requests a client sends.
 */
export async function startHttpServer(handle: Handler): Promise<HttpServer> {
  const received: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      handle(request, response, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    async close() {
      // A silent server holds its connections open: cut them, or close waits forever.
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Answers like a reverse proxy whose upstream is down: an HTML page, status 502. */
export const badGateway: Handler = (_request, response) => {
  response.writeHead(502, { 'content-type': 'text/html' }).end('<html><body><h1>502 Bad Gateway</h1></body></html>');
};

/** Answers JSON that is not a tRPC answer, as an API gateway's own errors are. */
export const gatewayJson: Handler = (_request, response) => {
  response.writeHead(503, { 'content-type': 'application/json' }).end('{"message":"Service Unavailable"}');
};

/** Takes the request and never answers. */
export const silent: Handler = () => {};

/** Passes every request on to `target` unchanged and its answer back: to see what a client sends a real server. */
export function forwardTo(target: string): Handler {
  return (request, response, body) => {
    const upstream = httpRequest(new URL(request.url ?? '/', target), { method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.destroy());
    upstream.end(body);
  };
}
