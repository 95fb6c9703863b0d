import compress from '@fastify/compress';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * Below this many bytes an answer goes as it is: it fits one TCP segment
 * either way, and compressing it would cost more than it saves.
 */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Compresses the answers of the routes registered after it in `scope`
 * (brotli, else gzip, as Accept-Encoding allows; identity otherwise), with
 * `Vary: Accept-Encoding`. Files compressed ahead (the widget build's .br and
 * .gz) pass as they are. Only answers: a compressed request body would be a
 * new way past the body limit, so none is inflated.
 *
 * NOTE: what it compresses on the fly keeps the ETag it had, which is right
 * for the static files' weak tags (the same content, another coding) and
 * would be wrong for a strong one: a route with a strong ETag (the iCal
 * feeds) must stay out of `scope`.
 */
export async function compressAnswers(scope: FastifyInstance): Promise<void> {
  await scope.register(compress, {
    // deflate is read two ways by different clients; zstd is not in every Node this runs on.
    encodings: ['br', 'gzip'],
    threshold: COMPRESSION_THRESHOLD_BYTES,
    globalDecompression: false,
  });
  scope.addHook('onSend', bufferJsonAnswer);
}

const isResponse = (payload: unknown): payload is Response => Object.prototype.toString.call(payload) === '[object Response]';

/**
 * tRPC answers with a fetch Response, which @fastify/compress would compress
 * as a stream whatever its size, and whose headers would replace the reply's
 * own. A JSON answer is read into a buffer here instead, so that it is
 * compressed only above the threshold (a small one in one go, with its
 * Content-Length); and its Vary (tRPC's `trpc-accept, accept`) joins CORS's
 * `Origin` rather than erasing it. A streamed answer (Transfer-Encoding set)
 * is left to stream.
 */
async function bufferJsonAnswer(_request: unknown, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (!isResponse(payload) || payload.body === null) return payload;
  if (!payload.headers.get('content-type')?.startsWith('application/json') || payload.headers.has('transfer-encoding')) return payload;
  reply.status(payload.status);
  for (const [name, value] of payload.headers) {
    const vary = name === 'vary' ? reply.getHeader('vary') : undefined;
    reply.header(name, vary ? `${String(vary)}, ${value}` : value);
  }
  return Buffer.from(await payload.arrayBuffer());
}
