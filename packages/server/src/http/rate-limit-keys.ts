import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import ipaddr from 'ipaddr.js';
import type { RateLimits } from '../config.js';
import { bearerToken } from '../trpc/context.js';
import { runsSignIn } from './procedures-of.js';

/**
 * A session's name in the counters: a hash, so the store never holds a
 * usable token, and salted apart from the sessions table's own hash, so a
 * counter cannot be matched to a session row either.
 */
function sessionKey(token: string): string {
  return createHash('sha256').update('ponte-rate-limit\0').update(token).digest('hex');
}

/**
 * The address a request is counted under: an IPv4 address whole, an IPv6
 * one by its /64, the block one subscriber or one cloud machine holds, so
 * that walking through its 2^64 addresses does not buy fresh counts.
 */
export function addressKey(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  // IPv4 written as IPv6 (::ffff:192.0.2.1) counts as the IPv4 address it is.
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return address.toString();
  return `${address.toNormalizedString().split(':').slice(0, 4).join(':')}::/64`;
}

/**
 * Which bucket a request is counted in, and that bucket's size, for
 * @fastify/rate-limit. Sign-in attempts are counted by address apart from
 * everything else, so browsing does not use them up. Staff are counted by
 * their session, so a public flood from a school's shared address does not
 * lock its staff out; only a live session earns that, or a made-up
 * "Bearer x" would buy each request a fresh bucket.
 */
export function rateLimitKeys(limits: RateLimits, isLiveToken: (token: string) => Promise<boolean>) {
  return {
    keyGenerator: async (request: FastifyRequest): Promise<string> => {
      if (runsSignIn(request)) return `signin:${addressKey(request.ip)}`;
      const token = bearerToken(request.headers.authorization);
      if (token && (await isLiveToken(token))) return `staff:${sessionKey(token)}`;
      return `public:${addressKey(request.ip)}`;
    },
    max: (_request: FastifyRequest, key: string): number =>
      key.startsWith('signin:') ? limits.signInPerMinute : key.startsWith('staff:') ? limits.staffPerMinute : limits.publicPerMinute,
  };
}
