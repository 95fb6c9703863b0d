import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import { describe, test } from 'node:test';
import { createPonteClient, describeError } from '@ponte/sdk';
import { recordingFetch } from './helpers/fake-fetch.js';

describe('createPonteClient', () => {
  test('calls <url>/trpc, with the publishable key, the locale (Italian by default) and no cookies', async () => {
    const { fetch, seen } = recordingFetch([]);
    const ponte = createPonteClient({ url: 'https://ponte.example/', publishableKey: 'pk_demo_manzoni', fetch });
    await ponte.forms.list.query();
    assert.equal(seen.length, 1);
    const [request] = seen;
    assert.equal(request!.url.origin + request!.url.pathname, 'https://ponte.example/trpc/forms.list');
    assert.equal(request!.method, 'GET');
    assert.equal(request!.headers.get('x-ponte-key'), 'pk_demo_manzoni');
    assert.equal(request!.headers.get('x-ponte-locale'), 'it');
    assert.equal(request!.headers.get('authorization'), null);
    assert.equal(request!.credentials, 'omit');
  });

  test('keeps a base path and does not double an explicit /trpc', async () => {
    for (const [url, expected] of [
      ['https://comune.example/ponte', '/ponte/trpc/forms.list'],
      ['https://comune.example/ponte/trpc/', '/ponte/trpc/forms.list'],
    ] as const) {
      const { fetch, seen } = recordingFetch([]);
      await createPonteClient({ url, fetch }).forms.list.query();
      assert.equal(seen[0]!.url.pathname, expected);
    }
  });

  test('refuses a URL that is not absolute http(s), at creation', () => {
    assert.throws(() => createPonteClient({ url: 'localhost:8080' }), /absolute http\(s\) URL|http or https/);
    assert.throws(() => createPonteClient({ url: '/ponte' }), /absolute http\(s\) URL/);
    assert.throws(() => createPonteClient({ url: 'ftp://ponte.example' }), /http or https/);
  });

  test('a token getter is read before every request: sign-in and sign-out need no new client', async () => {
    const { fetch, seen } = recordingFetch(null);
    let token: string | null = null;
    const ponte = createPonteClient({ url: 'http://ponte.test', token: () => token, locale: 'en', fetch });
    await ponte.auth.me.query();
    token = 'pt_first';
    await ponte.auth.me.query();
    token = 'pt_second';
    await ponte.auth.me.query();
    token = '';
    await ponte.auth.me.query();
    assert.deepEqual(
      seen.map((r) => r.headers.get('authorization')),
      [null, 'Bearer pt_first', 'Bearer pt_second', null],
    );
    assert.ok(seen.every((r) => r.headers.get('x-ponte-locale') === 'en'));
  });

  test('a fixed token, an async getter, a locale getter and extra headers', async () => {
    const { fetch, seen } = recordingFetch(null);
    let locale: 'it' | 'en' = 'it';
    await createPonteClient({ url: 'http://ponte.test', token: 'pt_fixed', fetch }).auth.me.query();
    const ponte = createPonteClient({
      url: 'http://ponte.test',
      token: async () => 'pt_async',
      locale: () => locale,
      headers: { 'x-request-id': 'abc', 'x-ponte-locale': 'fr' },
      fetch,
    });
    await ponte.auth.me.query();
    locale = 'en';
    await ponte.auth.me.query();
    assert.equal(seen[0]!.headers.get('authorization'), 'Bearer pt_fixed');
    assert.equal(seen[1]!.headers.get('authorization'), 'Bearer pt_async');
    assert.equal(seen[1]!.headers.get('x-request-id'), 'abc');
    // The SDK's own headers win over extra ones of the same name.
    assert.deepEqual(seen.slice(1).map((r) => r.headers.get('x-ponte-locale')), ['it', 'en']);
  });

  test('calls made in the same tick travel in one request; mutations are POSTed', async () => {
    const { fetch, seen } = recordingFetch({});
    const ponte = createPonteClient({ url: 'http://ponte.test', fetch });
    await Promise.all([ponte.forms.list.query(), ponte.organisations.current.query()]);
    await ponte.auth.signIn.mutate({ email: 'a@b.test', password: 'x' });
    assert.equal(seen.length, 2);
    assert.equal(seen[0]!.url.pathname, '/trpc/forms.list,organisations.current');
    assert.equal(seen[0]!.url.searchParams.get('batch'), '1');
    assert.equal(seen[1]!.method, 'POST');
    assert.equal(seen[1]!.headers.get('content-type'), 'application/json');
    assert.deepEqual(JSON.parse(seen[1]!.body!), { 0: { email: 'a@b.test', password: 'x' } });
  });

  test('uses the global fetch when none is given, looked up at call time', async () => {
    const { fetch, seen } = recordingFetch([]);
    const original = globalThis.fetch;
    globalThis.fetch = fetch;
    try {
      await createPonteClient({ url: 'http://ponte.test' }).forms.list.query();
    } finally {
      globalThis.fetch = original;
    }
    assert.equal(seen.length, 1);
  });

  test('gives up on a server that never answers after timeoutMs, as a network failure', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket)); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const ponte = createPonteClient({ url: `http://127.0.0.1:${port}`, timeoutMs: 150 });
      const started = Date.now();
      const error = await ponte.forms.list.query().then(
        () => assert.fail('expected a timeout'),
        (e: unknown) => e,
      );
      assert.ok(Date.now() - started < 5_000);
      assert.deepEqual(describeError(error, 'en'), {
        message: 'Could not reach the Ponte service. Check your connection and try again.',
        fieldErrors: {},
        code: null,
        httpStatus: null,
      });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  test('a caller’s own abort stays a cancellation, with or without a time limit', async () => {
    for (const timeoutMs of [0, 30_000]) {
      const controller = new AbortController();
      const fetch: typeof globalThis.fetch = (_input, init) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
      const call = createPonteClient({ url: 'http://ponte.test', fetch, timeoutMs }).forms.list.query(undefined, { signal: controller.signal });
      setTimeout(() => controller.abort(), 20);
      const error = await call.then(() => assert.fail('expected an abort'), (e: unknown) => e);
      assert.equal(describeError(error, 'en').message, 'The request was cancelled.', `timeoutMs ${timeoutMs}`);
    }
  });
});
