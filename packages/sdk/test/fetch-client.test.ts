import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  createFetchPonteClient,
  createUnbatchedPonteClient,
  describeError,
  type PonteClient,
  type PonteClientOptions,
} from '@ponte/sdk';
import { startTestServer, type TestServer } from '../../server/test/helpers/test-server.js';
import { badGateway, forwardTo, gatewayJson, silent, startHttpServer, type HttpServer } from './helpers/http-servers.js';

// The fetch client replaces tRPC's httpLink in the widgets: it is held here to
// what that link does, request by request and failure by failure, against the
// real server. The behaviour of both is specified in against-server.test.ts.

type Call = (ponte: PonteClient) => Promise<unknown>;

/** What one call came to: its data, or what describeError() made of its failure, in both languages. */
async function outcome(ponte: PonteClient, call: Call): Promise<unknown> {
  try {
    return { data: await call(ponte) };
  } catch (error) {
    return { it: describeError(error, 'it'), en: describeError(error, 'en') };
  }
}

/**
 * The calls one at a time (so each is its own request, in a known order),
 * with tRPC's unbatched client and then with the fetch client, both made
 * with `options`: what each call came to, by client.
 */
async function withBoth(options: PonteClientOptions, calls: Call[]): Promise<{ trpc: unknown[]; fetch: unknown[] }> {
  const run = async (ponte: PonteClient) => {
    const outcomes: unknown[] = [];
    for (const call of calls) outcomes.push(await outcome(ponte, call));
    return outcomes;
  };
  return { trpc: await run(createUnbatchedPonteClient(options)), fetch: await run(createFetchPonteClient(options)) };
}

describe('createFetchPonteClient beside tRPC’s httpLink (createUnbatchedPonteClient)', () => {
  let ts: TestServer;
  let proxy: HttpServer;

  before(async () => {
    ts = await startTestServer('sqlite');
    proxy = await startHttpServer(forwardTo(ts.url));
  });

  after(async () => {
    await proxy?.close();
    await ts?.close();
  });

  test('sends the same requests, byte for byte, and reads the same answers', async () => {
    const options: PonteClientOptions = { url: proxy.url, publishableKey: 'pk_demo_manzoni', locale: 'en', headers: { 'x-request-id': 'side-by-side' } };
    const calls: Call[] = [
      (p) => p.forms.list.query(),
      (p) => p.forms.get.query({ id: 'school-request', version: 1 }),
      (p) => p.organisations.current.query(),
      (p) => p.submissions.track.query({ trackingCode: 'zz' }),
      (p) => p.submissions.submit.mutate({ formId: 'school-request', version: 1, data: { schoolYear: '2025/26 & “più”' } }),
      (p) => p.auth.signIn.mutate({ email: 'coordinatrice@demo.ponte.test', password: 'nope' }),
      (p) => p.auth.signOut.mutate(),
    ];
    proxy.received.length = 0;
    const { trpc, fetch } = await withBoth(options, calls);
    assert.deepEqual(fetch, trpc);

    const half = proxy.received.length / 2;
    assert.equal(half, calls.length);
    const [byTrpc, byFetch] = [proxy.received.slice(0, half), proxy.received.slice(half)];
    for (const [index, request] of byFetch.entries()) {
      assert.deepEqual(request, byTrpc[index], `request ${index + 1}: ${request.method} ${request.url}`);
    }
  });

  test('describeError() says the same of both clients’ failures', async () => {
    const down = await startTestServer('sqlite');
    const downUrl = down.url;
    await down.close();
    const servers = { silent: await startHttpServer(silent), badGateway: await startHttpServer(badGateway), gatewayJson: await startHttpServer(gatewayJson) };
    const invalid = { formId: 'school-request' as const, version: 1, data: {} };
    // The description each failure must come to, for the record; that both agree is the point.
    const cases: [string, PonteClientOptions, Call, string | null][] = [
      ['field errors, Italian', { url: ts.url, publishableKey: 'pk_demo_manzoni' }, (p) => p.submissions.submit.mutate(invalid), 'BAD_REQUEST'],
      ['field errors, English', { url: ts.url, publishableKey: 'pk_demo_manzoni', locale: 'en' }, (p) => p.submissions.submit.mutate(invalid), 'BAD_REQUEST'],
      ['no token', { url: ts.url, locale: 'en' }, (p) => p.auth.me.query(), 'UNAUTHORIZED'],
      ['an unknown token', { url: ts.url, token: 'pt_unknown' }, (p) => p.auth.signOut.mutate(), 'UNAUTHORIZED'],
      ['no such form version', { url: ts.url }, (p) => p.forms.get.query({ id: 'school-request', version: 999 }), 'NOT_FOUND'],
      ['a time-out', { url: servers.silent.url, timeoutMs: 100 }, (p) => p.forms.list.query(), null],
      ['the server down', { url: downUrl }, (p) => p.submissions.submit.mutate(invalid), null],
      ['a proxy’s HTML 502', { url: servers.badGateway.url }, (p) => p.forms.list.query(), null],
      ['a gateway’s JSON 503', { url: servers.gatewayJson.url }, (p) => p.submissions.submit.mutate(invalid), null],
      ['a cancellation', { url: ts.url }, (p) => p.forms.list.query(undefined, { signal: AbortSignal.abort('gone') }), null],
    ];
    try {
      for (const [name, options, call, code] of cases) {
        const { trpc, fetch } = await withBoth(options, [call]);
        assert.deepEqual(fetch, trpc, name);
        assert.equal((trpc[0] as { it: { code: string | null } }).it.code, code, name);
      }
    } finally {
      for (const server of Object.values(servers)) await server.close();
    }
  });

  test('the client is not taken for a promise, and a call other than query or mutate says so', async () => {
    const ponte = createFetchPonteClient({ url: 'http://ponte.test' });
    assert.equal(await Promise.resolve(ponte), ponte);
    const subscribable = ponte.forms.list as unknown as { subscribe(): unknown };
    assert.throws(() => subscribable.subscribe(), /forms\.list\.subscribe: call a Ponte procedure with \.query\(\) or \.mutate\(\)/);
  });
});
