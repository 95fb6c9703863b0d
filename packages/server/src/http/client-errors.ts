import http from 'node:http';
import type { Socket } from 'node:net';

// Errors Node raises while parsing a request, before any route, header or
// locale is known: answered in both languages, shaped like tRPC's errors.
const CLIENT_ERRORS: Record<string, { status: number; name: string; it: string; en: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    name: 'BAD_REQUEST',
    it: 'Intestazioni della richiesta troppo grandi',
    en: 'Request headers too large',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, name: 'TIMEOUT', it: 'Richiesta scaduta', en: 'Request timed out' },
};
const MALFORMED = { status: 400, name: 'BAD_REQUEST', it: 'Richiesta HTTP non valida', en: 'Malformed HTTP request' };

/** Fastify's `clientErrorHandler`, with Ponte's error shape instead of Fastify's English one. */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const e = (error.code && CLIENT_ERRORS[error.code]) || MALFORMED;
  const body = JSON.stringify({
    error: { message: `${e.it} / ${e.en}.`, code: -32600, data: { code: e.name, httpStatus: e.status, fieldErrors: null } },
  });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${e.status} ${http.STATUS_CODES[e.status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
