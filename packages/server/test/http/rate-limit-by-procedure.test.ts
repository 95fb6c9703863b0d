import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_PASSWORD } from '../../src/seed/demo-data.js';
import { databaseKinds } from '../helpers/databases.js';
import { rawRequest } from '../helpers/raw-http.js';
import { signIn, startTestServer, type TestServer } from '../helpers/test-server.js';

/*
 * The sign-in limit and the batch refusal are decided on the procedures tRPC
 * will run, however the path spells them: tRPC gets the router's decoded
 * path parameter and decodes it once more, so "%2E", "%252E" and an encoded
 * comma all reach auth.signIn. Public callers and staff are counted apart.
 */

const COORDINATOR = 'coordinatrice@demo.ponte.test';
const wrong = { email: COORDINATOR, password: 'not-the-password' };
const right = { email: COORDINATOR, password: DEMO_PASSWORD };

async function sessions(ts: TestServer): Promise<number> {
  const row = await ts.server.database.db.selectFrom('sessions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

for (const kind of await databaseKinds()) {
  describe(`sign-in limit on the procedure tRPC runs, on ${kind}`, () => {
    let ts: TestServer;
    before(async () => {
      ts = await startTestServer(kind, { rateLimits: { publicPerMinute: 1000, staffPerMinute: 1000, signInPerMinute: 3 } });
    });
    after(() => ts.close());

    it('counts every spelling of auth.signIn in the sign-in bucket, and answers 429 to the fourth attempt', async () => {
      const spellings = ['/trpc/auth%2EsignIn', '/trpc/auth%2esignIn', '/trpc/%61uth%2EsignIn?batch=1'];
      for (const target of spellings) {
        const body = target.includes('batch=1') ? { 0: wrong } : wrong;
        const answer = await rawRequest(ts.url, target, { body });
        assert.equal(answer.status, 401, `${target} runs sign-in: ${answer.body}`);
      }
      const before = await sessions(ts);
      // Double encoding, a percent-encoded prefix and the plain spelling: all the same bucket, now spent.
      for (const target of ['/trpc/auth%252EsignIn', '/%74rpc/auth.signIn', '/trpc/auth.signIn']) {
        const answer = await rawRequest(ts.url, target, { body: right, headers: { 'x-ponte-locale': 'en' } });
        assert.equal(answer.status, 429, `${target}: ${answer.body}`);
        assert.match(answer.body, /Too many requests/);
      }
      assert.equal(await sessions(ts), before, 'the right password was not tried once the limit was reached');
    });
  });
}

describe('sign-in is never batched, however the batch is spelt', () => {
  let ts: TestServer;
  before(async () => {
    ts = await startTestServer('sqlite', { rateLimits: { publicPerMinute: 1000, staffPerMinute: 1000, signInPerMinute: 1000 } });
  });
  after(() => ts.close());

  const batches = [
    '/trpc/auth%2EsignIn,auth%2EsignIn?batch=1',
    '/trpc/auth%2esignIn,auth.signIn?batch=1',
    '/trpc/auth.signIn%2Cauth.signIn?batch=1',
    '/trpc/auth%2EsignIn%252Cauth%2EsignIn?batch=1',
    '/trpc/forms.list,auth%252EsignIn?batch=1',
    '/%74rpc/auth.signIn,auth.signIn?batch=1',
    '/trpc/auth.signIn,auth.signIn?batch=%31',
    '/trpc/auth.signIn,auth.signIn?batch=1#fragment',
  ];

  for (const target of batches) {
    it(`refuses ${target} with 400, one envelope per call, trying no password`, async () => {
      const before = await sessions(ts);
      const answer = await rawRequest(ts.url, target, { body: { 0: right, 1: right }, headers: { 'x-ponte-locale': 'en' } });
      assert.equal(answer.status, 400, answer.body);
      const envelopes = JSON.parse(answer.body) as { error: { message: string } }[];
      assert.equal(envelopes.length, 2);
      assert.match(envelopes[0]!.error.message, /not within a batch/);
      assert.equal(await sessions(ts), before);
    });
  }

  it('still lets one sign-in through, batched alone as the SDK sends it', async () => {
    const answer = await rawRequest(ts.url, '/trpc/auth.signIn?batch=1', { body: { 0: right } });
    assert.equal(answer.status, 200, answer.body);
  });

  it('refuses a path that does not decode with 400 and says so, trying no password', async () => {
    const before = await sessions(ts);
    for (const target of ['/trpc/auth.signIn%25', '/trpc/auth.signIn,auth.signIn%25?batch=1', '/trpc/auth%252EsignIn%25']) {
      const answer = await rawRequest(ts.url, target, { body: right });
      assert.equal(answer.status, 400, `${target}: ${answer.body}`);
      // tRPC alone would refuse it too, but as a body that is not JSON: the caller is told what is wrong.
      assert.match(answer.body, /Questa operazione non esiste/, target);
    }
    assert.equal(await sessions(ts), before);
  });
});

describe('public and staff requests from one address are counted apart', () => {
  let ts: TestServer;
  before(async () => {
    ts = await startTestServer('sqlite', { rateLimits: { publicPerMinute: 3, staffPerMinute: 10, signInPerMinute: 1000 } });
  });
  after(() => ts.close());

  it('lets a signed-in staff member work while a public flood from the same address is refused', async () => {
    const token = await signIn(ts, COORDINATOR);
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push((await rawRequest(ts.url, '/trpc/forms.list')).status);
    assert.deepEqual(statuses.slice(0, 3), [200, 200, 200]);
    assert.ok(statuses.slice(3).every((s) => s === 429), statuses.join(','));
    const staff = await rawRequest(ts.url, '/trpc/forms.list', { headers: { authorization: `Bearer ${token}` } });
    assert.equal(staff.status, 200, staff.body);
  });

  it('counts each staff session on its own, and a made-up token with the public', async () => {
    const first = await signIn(ts, 'clinica@demo.ponte.test');
    const second = await signIn(ts, 'admin@demo.ponte.test');
    const as = (token: string) => rawRequest(ts.url, '/trpc/forms.list', { headers: { authorization: `Bearer ${token}` } });
    for (let i = 0; i < 10; i++) assert.equal((await as(first)).status, 200);
    assert.equal((await as(first)).status, 429, 'the eleventh call of a session');
    assert.equal((await as(second)).status, 200, 'another session from the same address');
    assert.equal((await as('pt_made_up_token')).status, 429, 'a made-up token is public, and the public bucket is spent');
  });
});

describe('an IPv6 client is counted by its /64', () => {
  let ts: TestServer;
  before(async () => {
    // Behind a proxy, as README's PONTE_TRUST_PROXY says: the client's address comes from X-Forwarded-For.
    ts = await startTestServer('sqlite', { trustProxy: true, rateLimits: { publicPerMinute: 1000, staffPerMinute: 1000, signInPerMinute: 3 } });
  });
  after(() => ts.close());

  const from = (address: string) => ({ body: wrong, headers: { 'x-forwarded-for': address } });

  it('spends one sign-in count across the addresses of one /64, and keeps another /64 apart', async () => {
    for (const address of ['2001:db8:1:2::1', '2001:db8:1:2:a:b:c:d', '2001:0db8:0001:0002:ffff:ffff:ffff:ffff']) {
      const answer = await rawRequest(ts.url, '/trpc/auth.signIn', from(address));
      assert.equal(answer.status, 401, `${address}: ${answer.body}`);
    }
    const walked = await rawRequest(ts.url, '/trpc/auth.signIn', from('2001:db8:1:2:dead:beef:0:1'));
    assert.equal(walked.status, 429, walked.body);
    const neighbour = await rawRequest(ts.url, '/trpc/auth.signIn', from('2001:db8:1:3::1'));
    assert.equal(neighbour.status, 401, neighbour.body);
    // IPv4 written as IPv6 is the IPv4 address it names.
    for (let i = 0; i < 3; i++) assert.equal((await rawRequest(ts.url, '/trpc/auth.signIn', from('192.0.2.7'))).status, 401);
    assert.equal((await rawRequest(ts.url, '/trpc/auth.signIn', from('::ffff:192.0.2.7'))).status, 429);
  });
});
