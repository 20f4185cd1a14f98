/** GET /healthz (process up), /readyz (store reachable and migrations current), /metrics (Prometheus). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ServiceUnavailableError } from '../http/errors/service-unavailable-error.ts';
import { problemResponses } from '../http/problem.ts';
import { pendingMigrations } from '../store/migrator.ts';

export const opsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['ops'],
        summary: 'Liveness: the process serves requests',
        security: [],
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['ops'],
        summary: 'Readiness: the store is reachable and its migrations are current',
        security: [],
        response: { 200: z.object({ status: z.literal('ready') }), ...problemResponses(503) },
      },
    },
    async (request) => {
      try {
        await app.store.ping();
      } catch (error) {
        request.log.warn({ err: error }, 'store unreachable');
        throw new ServiceUnavailableError('The store is unreachable.');
      }
      const pending = await pendingMigrations(app.store);
      if (pending.length > 0)
        throw new ServiceUnavailableError(`Migrations pending: ${pending.join(', ')}.`, {
          extensions: { pending },
        });
      return { status: 'ready' as const };
    },
  );

  app.get(
    '/metrics',
    { schema: { tags: ['ops'], summary: 'Prometheus metrics', security: [], hide: false } },
    async (_request, reply) => {
      reply.type(app.metrics.registry.contentType);
      return app.metrics.registry.metrics();
    },
  );
};
