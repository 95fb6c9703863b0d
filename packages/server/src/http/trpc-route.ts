import { callTRPCProcedure, getTRPCErrorFromUnknown, getTRPCErrorShape, transformTRPCResponse, type AnyRouter } from '@trpc/server';
import { fastifyRequestHandler, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** tRPC's plugin options, with a context made from the request alone (tRPC's handler passes more, the calls here no more). */
type TrpcOptions<Router extends AnyRouter> = Omit<FastifyTRPCPluginOptions<Router>['trpcOptions'], 'createContext'> & {
  createContext: (options: { req: FastifyRequest }) => unknown;
};

/** A call answered here rather than by tRPC's handler: what it needs, read once. */
interface SingleCall {
  path: string;
  type: 'query' | 'mutation';
  input: unknown;
}

/** What tRPC answers every call with: its answer depends on these two request headers. */
const VARY = 'trpc-accept, accept';

/**
 * Serves `router` at `/:path` of `scope` (its prefix): what tRPC's Fastify
 * plugin does, with one difference in how.
 *
 * tRPC's handler turns every request into a fetch Request and its answer
 * into a fetch Response: on a busy server that costs more than most
 * procedures (it cut a form submission's throughput by half). Most calls are
 * the plain kind, one query by GET or one mutation by POST with a JSON body,
 * and those are answered here, through tRPC's own call and error shaping
 * (callTRPCProcedure, getTRPCErrorShape), as its handler would answer them:
 * same status, body and headers (test/http/trpc-route.test.ts holds the two
 * side by side). Everything else (batches, streams, a path or body tRPC
 * would refuse, a method the procedure does not take) goes to tRPC's handler
 * unchanged, so that no refusal is written twice.
 */
export async function trpcRoute<Router extends AnyRouter>(scope: FastifyInstance, options: TrpcOptions<Router>): Promise<void> {
  // As tRPC's plugin: bodies reach the handler as text, which it parses itself.
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  scope.removeContentTypeParser('multipart/form-data');
  scope.addContentTypeParser('multipart/form-data', {}, (_request, body, done) => done(null, body));

  const { router, createContext, onError } = options;
  scope.all<{ Params: { path: string } }>('/:path', async (request, reply) => {
    const call = singleCallOf(request, router);
    if (!call) {
      await fastifyRequestHandler({ ...options, req: request, res: reply, path: request.params.path } as Parameters<typeof fastifyRequestHandler>[0]);
      return reply;
    }
    const ctx = await createContext({ req: request });
    let body: unknown;
    try {
      const data = await callTRPCProcedure({ router, path: call.path, type: call.type, ctx, getRawInput: async () => call.input, signal: undefined, batchIndex: 0 });
      body = { result: { data } };
      void reply.status(200);
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      onError?.({ error, path: call.path, input: call.input, ctx, type: call.type, req: request });
      body = { error: getTRPCErrorShape({ config: router._def._config, ctx, error, input: call.input, path: call.path, type: call.type }) };
      void reply.status(getHTTPStatusCodeFromError(error));
    }
    // A buffer: Fastify would add a charset to the type of a string, which tRPC's answers do not carry.
    const text = JSON.stringify(transformTRPCResponse(router._def._config, body as never));
    // Joined to what is there already (CORS's Origin), as compression.ts joins tRPC's handler's.
    const vary = reply.getHeader('vary');
    return reply
      .header('vary', vary ? `${String(vary)}, ${VARY}` : VARY)
      .header('content-type', 'application/json')
      .send(Buffer.from(text));
  });
}

/**
 * The request as one plain call, or undefined when tRPC's handler should
 * have it: a batch, a stream, a path that names no procedure, a method the
 * procedure does not take, a body or input that is not JSON, a content type
 * tRPC reads otherwise.
 */
function singleCallOf(request: FastifyRequest<{ Params: { path: string } }>, router: AnyRouter): SingleCall | undefined {
  const method = request.method;
  if (method !== 'GET' && method !== 'POST') return undefined;
  if (request.headers['trpc-accept'] !== undefined || request.headers.accept?.includes('application/jsonl')) return undefined;
  const query = queryOf(request.raw.url ?? '');
  if (query === undefined || query.has('batch') || query.has('connectionParams')) return undefined;
  const path = decoded(request.params.path);
  const procedure = path === undefined ? undefined : (router._def.procedures as Record<string, { _def: { type: string } } | undefined>)[path];
  const type = procedure?._def.type;
  if (path === undefined || (method === 'GET' ? type !== 'query' : type !== 'mutation')) return undefined;
  if (method === 'POST' && !isJson(request.headers['content-type'])) return undefined;
  const text = method === 'GET' ? query.get('input') : request.body;
  if (text !== null && text !== undefined && typeof text !== 'string') return undefined;
  const input = text ? parsed(text) : { value: undefined };
  if (!input) return undefined;
  // As tRPC's handler reads an input: through the router's transformer, none given one.
  const value = input.value === undefined ? undefined : (router._def._config.transformer.input.deserialize(input.value) as unknown);
  return { path, type: type as SingleCall['type'], input: value };
}

/** The query string as tRPC reads it (a WHATWG URL), or undefined if it does not read. */
function queryOf(url: string): URLSearchParams | undefined {
  const mark = url.indexOf('?');
  if (mark === -1) return new URLSearchParams();
  try {
    return new URL(url, 'http://x').searchParams;
  } catch {
    return undefined;
  }
}

function decoded(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

function parsed(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** As tRPC matches media types: case-insensitive, parameters ignored. */
function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';', 1)[0]?.trim().toLowerCase() === 'application/json';
}

