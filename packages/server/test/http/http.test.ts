import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseKinds } from '../helpers/databases.js';
import { countRows, createOtherTenant, OTHER_ORIGIN } from '../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

for (const kind of await databaseKinds()) {
  describe(`HTTP surface on ${kind}`, () => {
    let ts: TestServer;
    before(async () => {
      ts = await startTestServer(kind);
      await createOtherTenant(ts.server.database.db);
    });
    after(() => ts.close());

    it('answers /healthz with the database in use', async () => {
      const res = await fetch(`${ts.url}/healthz`);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { status: 'ok', database: kind });
    });

    it('sets security headers and never a cookie', async () => {
      const res = await fetch(`${ts.url}/trpc/forms.list`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.ok(res.headers.get('content-security-policy'));
      assert.equal(res.headers.get('set-cookie'), null);
      const signIn = await fetch(`${ts.url}/trpc/auth.signIn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'coordinatrice@demo.ponte.test', password: 'ponte-demo-2026' }),
      });
      assert.equal(signIn.status, 200);
      assert.equal(signIn.headers.get('set-cookie'), null);
    });

    it('allows a CORS preflight from an origin a live key lists, and from no other', async () => {
      const preflight = (origin: string) =>
        fetch(`${ts.url}/trpc/submissions.submit`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-ponte-key' },
        });
      const allowed = await preflight(OTHER_ORIGIN);
      assert.equal(allowed.headers.get('access-control-allow-origin'), OTHER_ORIGIN);
      assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /x-ponte-key/);
      assert.equal(allowed.headers.get('access-control-allow-credentials'), null);
      const own = await preflight('http://ponte.test');
      assert.equal(own.headers.get('access-control-allow-origin'), 'http://ponte.test');
      const denied = await preflight('https://evil.example');
      assert.equal(denied.headers.get('access-control-allow-origin'), null);
    });

    it('stops a revoked key’s origins at the preflight', async () => {
      const db = ts.server.database.db;
      await db.updateTable('publishable_keys').set({ revoked_at: new Date().toISOString() }).where('key', 'like', 'pk_other_%').execute();
      const res = await fetch(`${ts.url}/trpc/submissions.submit`, {
        method: 'OPTIONS',
        headers: { origin: OTHER_ORIGIN, 'access-control-request-method': 'POST' },
      });
      assert.equal(res.headers.get('access-control-allow-origin'), null);
    });

    it('refuses a 2 MB body with 413, as a tRPC error, writing nothing', async () => {
      const before = await countRows(ts.server.database.db);
      const res = await fetch(`${ts.url}/trpc/submissions.submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ponte-key': 'pk_demo_manzoni', 'x-ponte-locale': 'en' },
        body: JSON.stringify({ formId: 'school-request', version: 1, data: { notes: 'x'.repeat(2 * 1024 * 1024) } }),
      });
      assert.equal(res.status, 413);
      const body = (await res.json()) as { error: { message: string; data: { code: string } } };
      assert.equal(body.error.data.code, 'PAYLOAD_TOO_LARGE');
      assert.equal(body.error.message, 'The data sent is too large.');
      assert.deepEqual(await countRows(ts.server.database.db), before);
    });

    it('answers malformed JSON with 400 in the caller’s language and no stack', async () => {
      const res = await fetch(`${ts.url}/trpc/submissions.submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ponte-key': 'pk_demo_manzoni' },
        body: '{"formId": ',
      });
      assert.equal(res.status, 400);
      const text = await res.text();
      assert.doesNotMatch(text, /stack|at \w+ \(/);
      const body = JSON.parse(text) as { error: { message: string } };
      assert.match(body.error.message, /non è JSON valido/);
    });

    it('answers an unknown procedure with 404 and no stack', async () => {
      const res = await fetch(`${ts.url}/trpc/nothing.here`);
      assert.equal(res.status, 404);
      assert.doesNotMatch(await res.text(), /"stack"/);
    });
  });
}
