/**
 * Rate limit per token (keyed by a hash of the bearer token) or, without one, per client address.
 * Ops endpoints are exempt. Over the limit: 429 `rate-limited` problem with Retry-After.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { bearerToken, hashToken } from '../identity/token.ts';
import { RateLimitedError } from './errors/rate-limited-error.ts';

export interface RateLimitOptions {
  max: number;
  timeWindow: number;
}

const exempt = new Set(['/healthz', '/readyz', '/metrics']);

export function rateLimitKey(request: FastifyRequest): string {
  const token = bearerToken(request.headers.authorization);
  return token ? `t:${hashToken(token).slice(0, 32)}` : `ip:${request.ip}`;
}

async function rateLimiting(app: FastifyInstance, options: RateLimitOptions): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: options.max,
    timeWindow: options.timeWindow,
    keyGenerator: rateLimitKey,
    allowList: (request) => exempt.has(request.url.split('?')[0] ?? ''),
    errorResponseBuilder: (_request, context) =>
      new RateLimitedError(
        `Rate limit of ${context.max} requests per ${context.after} exceeded; retry later.`,
      ),
  });
}

export default fp(rateLimiting, { name: 'rate-limit' });
