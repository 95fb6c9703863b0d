import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseKinds } from '../helpers/databases.js';
import { countRows } from '../helpers/fixtures.js';
import { expectTrpcError, signIn, startTestServer, type TestServer } from '../helpers/test-server.js';

for (const kind of await databaseKinds()) {
  describe(`auth on ${kind}`, () => {
    let ts: TestServer;
    before(async () => {
      ts = await startTestServer(kind);
    });
    after(() => ts.close());

    it('signs in with e-mail and password and answers who the token belongs to', async () => {
      const result = await ts.client().auth.signIn.mutate({ email: 'Coordinatrice@Demo.Ponte.test ', password: 'ponte-demo-2026' });
      assert.match(result.token, /^pt_[A-Za-z0-9_-]{40,}$/);
      assert.ok(Date.parse(result.expiresAt) > Date.now());
      const me = await ts.client({ token: result.token }).auth.me.query();
      assert.equal(me.email, 'coordinatrice@demo.ponte.test');
      assert.equal(me.role, 'coordinator');
      // The demo Ambito's zone, whatever the zone of the server process.
      assert.equal(me.timeZone, 'Europe/Rome');
    });

    it('stores only a hash of the token', async () => {
      const token = await signIn(ts, 'clinica@demo.ponte.test');
      const rows = await ts.server.database.db.selectFrom('sessions').select('token_hash').execute();
      assert.ok(rows.every((r) => r.token_hash !== token && /^[0-9a-f]{64}$/.test(r.token_hash)));
    });

    it('refuses a wrong password and an unknown e-mail alike, in the caller’s language', async () => {
      const wrong = await expectTrpcError(ts.client().auth.signIn.mutate({ email: 'clinica@demo.ponte.test', password: 'nope' }));
      const unknown = await expectTrpcError(ts.client({ locale: 'en' }).auth.signIn.mutate({ email: 'nobody@demo.ponte.test', password: 'nope' }));
      assert.equal(wrong.data?.code, 'UNAUTHORIZED');
      assert.equal(wrong.message, 'E-mail o password non corretti.');
      assert.equal(unknown.data?.code, 'UNAUTHORIZED');
      assert.equal(unknown.message, 'Wrong e-mail or password.');
    });

    it('revokes the token on sign-out', async () => {
      const token = await signIn(ts, 'referente.manzoni@demo.ponte.test');
      const client = ts.client({ token });
      assert.deepEqual(await client.auth.signOut.mutate(), { signedOut: true });
      const error = await expectTrpcError(client.auth.me.query());
      assert.equal(error.data?.code, 'UNAUTHORIZED');
    });

    it('refuses an expired token', async () => {
      const token = await signIn(ts, 'referente.rodari@demo.ponte.test');
      await ts.server.database.db.updateTable('sessions').set({ expires_at: '2020-01-01T00:00:00.000Z' }).execute();
      const error = await expectTrpcError(ts.client({ token }).auth.me.query());
      assert.equal(error.data?.code, 'UNAUTHORIZED');
      assert.match(error.message, /sessione è scaduta/);
    });

    it('refuses forged tokens without writing anything', async () => {
      const before = await countRows(ts.server.database.db);
      for (const forged of ['pt_' + 'A'.repeat(43), 'garbage', 'x'.repeat(5000)]) {
        const error = await expectTrpcError(ts.client({ token: forged }).submissions.list.query());
        assert.equal(error.data?.code, 'UNAUTHORIZED', forged.slice(0, 20));
      }
      assert.deepEqual(await countRows(ts.server.database.db), before);
    });

    it('refuses a disabled user', async () => {
      const token = await signIn(ts, 'admin@demo.ponte.test');
      await ts.server.database.db.updateTable('users').set({ disabled_at: new Date().toISOString() }).where('email', '=', 'admin@demo.ponte.test').execute();
      assert.equal((await expectTrpcError(ts.client({ token }).auth.me.query())).data?.code, 'UNAUTHORIZED');
      const again = await expectTrpcError(ts.client().auth.signIn.mutate({ email: 'admin@demo.ponte.test', password: 'ponte-demo-2026' }));
      assert.equal(again.data?.code, 'UNAUTHORIZED');
    });
  });
}

describe('sign-in rate limit', () => {
  let ts: TestServer;
  before(async () => {
    ts = await startTestServer('sqlite', { rateLimits: { publicPerMinute: 1000, staffPerMinute: 1000, signInPerMinute: 3 } });
  });
  after(() => ts.close());

  it('answers TOO_MANY_REQUESTS after the allowed attempts, as a tRPC error in the caller’s language', async () => {
    for (let i = 0; i < 3; i++) {
      await expectTrpcError(ts.client().auth.signIn.mutate({ email: 'x@y.z', password: 'bad' }));
    }
    const error = await expectTrpcError(ts.client({ locale: 'en' }).auth.signIn.mutate({ email: 'x@y.z', password: 'bad' }));
    assert.equal(error.data?.code, 'TOO_MANY_REQUESTS');
    assert.equal(error.data?.httpStatus, 429);
    assert.match(error.message, /Too many requests/);
    // Other calls from the same address are counted apart.
    assert.equal((await ts.client().forms.list.query()).length, 6);
  });
});

describe('rate limits by credential', () => {
  let ts: TestServer;
  before(async () => {
    ts = await startTestServer('sqlite', { rateLimits: { publicPerMinute: 3, staffPerMinute: 1000, signInPerMinute: 1000 } });
  });
  after(() => ts.close());

  it('gives the staff limit to a live token only, never to a made-up one', async () => {
    const token = await signIn(ts, 'coordinatrice@demo.ponte.test');
    const staff = ts.client({ token });
    for (let i = 0; i < 6; i++) await staff.forms.list.query();
    const forged = ts.client({ token: 'pt_made_up_token' });
    let refused = 0;
    for (let i = 0; i < 6; i++) {
      await forged.forms.list.query().catch((e: unknown) => {
        if ((e as { data?: { code?: string } }).data?.code === 'TOO_MANY_REQUESTS') refused++;
      });
    }
    assert.ok(refused >= 3, `refused ${refused}`);
  });
});

describe('sign-in is never batched', () => {
  let ts: TestServer;
  before(async () => {
    ts = await startTestServer('sqlite', { rateLimits: { publicPerMinute: 1000, staffPerMinute: 1000, signInPerMinute: 3 } });
  });
  after(() => ts.close());

  it('refuses a batch carrying sign-ins, so the limiter counts every password tried', async () => {
    const before = await countRows(ts.server.database.db);
    const attempt = { email: 'coordinatrice@demo.ponte.test', password: 'wrong' };
    const res = await fetch(`${ts.url}/trpc/auth.signIn,auth.signIn?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ponte-locale': 'en' },
      body: JSON.stringify({ 0: attempt, 1: attempt }),
    });
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error: { message: string } }[];
    assert.equal(body.length, 2);
    assert.match(body[0]!.error.message, /not within a batch/);
    assert.deepEqual(await countRows(ts.server.database.db), before);
  });
});
