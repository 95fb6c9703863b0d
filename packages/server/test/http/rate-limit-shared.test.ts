import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { signIn, startTestServer, type TestServer } from '../helpers/test-server.js';

/*
 * docs/architecture.md#rate-limits: when several processes serve one Ambito, an address's requests
 * are counted together (in Redis), not once per process.
 */

const REDIS_URL = process.env.PONTE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisAvailable(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch (error) {
    if (process.env.CI === 'true') throw new Error(`Redis is required on CI but unreachable at ${REDIS_URL}: ${String(error)}`);
    console.warn(`# Redis unreachable at ${REDIS_URL}: the shared rate-limit suite is skipped (${String(error)})`);
    return false;
  } finally {
    probe.disconnect();
  }
}

/** The answers of `count` public calls to one server, in order. */
async function statuses(server: TestServer, count: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await fetch(`${server.url}/trpc/forms.list`)).status);
  return out;
}

describe('rate limits across processes', { skip: !(await redisAvailable()) }, () => {
  const servers: TestServer[] = [];
  after(() => Promise.all(servers.map((s) => s.close())));

  /**
   * Two servers of one Ambito, 6 public calls a minute per address, counted
   * in Redis or not. Each has a public URL of its own, as two processes left
   * on the default (http://localhost:$PORT) do: the namespace they share,
   * fresh for each pair, is what makes them one Ambito to the counters.
   */
  async function pair(redis: boolean): Promise<[TestServer, TestServer]> {
    const shared = {
      rateLimits: { publicPerMinute: 6, staffPerMinute: 1000, signInPerMinute: 1000 },
      rateLimitNamespace: `test-${randomUUID()}`,
      ...(redis ? { rateLimitRedisUrl: REDIS_URL } : {}),
    };
    const two = [
      await startTestServer('sqlite', { ...shared, publicUrl: 'http://localhost:8081' }),
      await startTestServer('sqlite', { ...shared, publicUrl: 'http://localhost:8082' }),
    ] as [TestServer, TestServer];
    servers.push(...two);
    return two;
  }

  it('counts an address once across two processes sharing Redis and a namespace, whatever their public URLs', async () => {
    const [a, b] = await pair(true);
    assert.deepEqual(await statuses(a, 3), [200, 200, 200]);
    assert.deepEqual(await statuses(b, 3), [200, 200, 200]);
    // The seventh call of the minute, whichever process answers it.
    assert.deepEqual(await statuses(a, 1), [429]);
    assert.deepEqual(await statuses(b, 1), [429]);
  });

  it('keys a staff member by a hash of their session, never by the token itself', async () => {
    const [a] = await pair(true);
    const token = await signIn(a, 'coordinatrice@demo.ponte.test');
    assert.equal((await fetch(`${a.url}/trpc/forms.list`, { headers: { authorization: `Bearer ${token}` } })).status, 200);
    const redis = new Redis(REDIS_URL);
    try {
      const keys = await redis.keys(`ponte-rate-limit:${a.config.rateLimitNamespace}:*`);
      assert.ok(keys.some((k) => /:staff:[0-9a-f]{64}$/.test(k)), keys.join(' '));
      assert.ok(keys.some((k) => /:signin:/.test(k)), keys.join(' '));
      assert.ok(keys.every((k) => !k.includes(token) && !k.includes(token.slice(3, 20))), keys.join(' '));
    } finally {
      redis.disconnect();
    }
  });

  it('without Redis, each process counts alone (what the shared store is for)', async () => {
    const [a, b] = await pair(false);
    assert.deepEqual(await statuses(a, 4), [200, 200, 200, 200]);
    assert.deepEqual(await statuses(b, 4), [200, 200, 200, 200]);
  });

  it('keeps answering when its Redis is unreachable, uncounted', async () => {
    const lonely = await startTestServer('sqlite', { rateLimits: { publicPerMinute: 2, staffPerMinute: 1000, signInPerMinute: 1000 }, rateLimitRedisUrl: 'redis://127.0.0.1:1' });
    servers.push(lonely);
    assert.deepEqual(await statuses(lonely, 3), [200, 200, 200]);
  });
});
