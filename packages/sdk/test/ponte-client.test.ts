import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createPonteClient, describeError } from '@ponte/sdk';
import { CLIENTS } from './helpers/clients.js';
import { recordingFetch } from './helpers/fake-fetch.js';

// The options and what they send are the same for every client.
for (const { name, create } of CLIENTS) {
  describe(name, () => {
    test('calls <url>/trpc, with the publishable key, the locale (Italian by default) and no cookies', async () => {
      const { fetch, seen } = recordingFetch([]);
      const ponte = create({ url: 'https://ponte.example/', publishableKey: 'pk_demo_manzoni', fetch });
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
        await create({ url, fetch }).forms.list.query();
        assert.equal(seen[0]!.url.pathname, expected);
      }
    });

    test('refuses a URL that is not absolute http(s), at creation', () => {
      assert.throws(() => create({ url: 'localhost:8080' }), /absolute http\(s\) URL|http or https/);
      assert.throws(() => create({ url: '/ponte' }), /absolute http\(s\) URL/);
      assert.throws(() => create({ url: 'ftp://ponte.example' }), /http or https/);
    });

    test('a token getter is read before every request: sign-in and sign-out need no new client', async () => {
      const { fetch, seen } = recordingFetch(null);
      let token: string | null = null;
      const ponte = create({ url: 'http://ponte.test', token: () => token, locale: 'en', fetch });
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
      await create({ url: 'http://ponte.test', token: 'pt_fixed', fetch }).auth.me.query();
      const ponte = create({
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

    test('uses the global fetch when none is given, looked up at call time', async () => {
      const { fetch, seen } = recordingFetch([]);
      const original = globalThis.fetch;
      globalThis.fetch = fetch;
      try {
        await create({ url: 'http://ponte.test' }).forms.list.query();
      } finally {
        globalThis.fetch = original;
      }
      assert.equal(seen.length, 1);
    });

    test('a caller’s own abort stays a cancellation, with or without a time limit, whatever its reason', async () => {
      // The server is never reached: a fetch that waits for the abort, as a real one would.
      const fetch: typeof globalThis.fetch = (_input, init) =>
        new Promise((_resolve, reject) => {
          if (init?.signal?.aborted) reject(init.signal.reason);
          init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
        });
      for (const timeoutMs of [0, 30_000]) {
        for (const reason of [undefined, 'the page was left']) {
          const controller = new AbortController();
          const call = create({ url: 'http://ponte.test', fetch, timeoutMs }).forms.list.query(undefined, { signal: controller.signal });
          setTimeout(() => controller.abort(reason), 20);
          const error = await call.then(() => assert.fail('expected an abort'), (e: unknown) => e);
          assert.equal(describeError(error, 'en').message, 'The request was cancelled.', `timeoutMs ${timeoutMs}, reason ${reason}`);
        }
        const early = new AbortController();
        early.abort();
        const error = await create({ url: 'http://ponte.test', fetch, timeoutMs }).forms.list.query(undefined, { signal: early.signal }).then(
          () => assert.fail('expected an abort'),
          (e: unknown) => e,
        );
        assert.equal(describeError(error, 'en').message, 'The request was cancelled.', `timeoutMs ${timeoutMs}, aborted before the call`);
      }
    });
  });
}

describe('createPonteClient batching', () => {
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
});
