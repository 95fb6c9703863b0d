import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import type { ServerConfig } from '../config.js';

/**
 * Where the rate-limit counters live (docs/architecture.md#rate-limits). With a Redis configured,
 * every process of the Ambito counts an address together, so adding a
 * process does not multiply what one address may send; the counters are
 * under the Ambito's namespace setting, which all its processes share
 * (see `rateLimitNamespace`). Without one, @fastify/rate-limit counts in
 * this process's memory: right for one process on SQLite.
 *
 * NOTE: should Redis be unreachable, requests go through uncounted (and the
 * error is logged) rather than failing: schools must still reach the forms.
 * Sign-in attempts too, for that while: the passwords' scrypt cost is what
 * slows guessing then.
 */
export function rateLimitStore(app: FastifyInstance, config: ServerConfig): Pick<RateLimitPluginOptions, 'redis' | 'nameSpace' | 'skipOnError'> {
  if (!config.rateLimitRedisUrl) return {};
  // No offline queue: while Redis is away a count fails at once (and the request goes through) rather than waiting.
  const redis = new Redis(config.rateLimitRedisUrl, { connectTimeout: 2000, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on('error', (error: Error) => app.log.warn({ err: error }, 'rate-limit store (Redis) unavailable'));
  // Counting starts with the server: it waits (a little) for Redis before it listens.
  app.addHook('onReady', async () => {
    if (redis.status === 'ready') return;
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, 2000);
      redis.once('ready', () => resolve(clearTimeout(timer)));
    });
  });
  app.addHook('onClose', async () => {
    await redis.quit().catch(() => redis.disconnect());
  });
  return { redis, nameSpace: `ponte-rate-limit:${config.rateLimitNamespace}:`, skipOnError: true };
}
