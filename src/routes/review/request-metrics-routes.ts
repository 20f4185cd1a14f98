/** /v1/metrics/requests: how change requests flow, for the infra org (reviewers, policy admins, admins). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestMetrics } from '../../change-requests/change-request-metrics.ts';
import { problemResponses } from '../../http/problem.ts';

const channels = z.object({ api: z.number(), cli: z.number(), slack: z.number() });
const duration = z.object({
  count: z.number(),
  meanSeconds: z.number().nullable(),
  medianSeconds: z.number().nullable(),
  p90Seconds: z.number().nullable(),
});

const metricsSchema = z
  .object({
    window: z.object({
      since: z.string().nullable(),
      until: z.string().nullable(),
      team: z.string().nullable(),
    }),
    requests: z.object({
      total: z.number(),
      byChannel: channels,
      byTeam: z.array(z.object({ team: z.string(), total: z.number(), byChannel: channels })),
    }),
    timeToFirstReview: duration,
    timeToApproval: duration,
    approvedWithoutChangesRequested: z.object({
      approved: z.number(),
      withoutChangesRequested: z.number(),
      share: z.number().nullable(),
    }),
    selfServed: z.object({ applied: z.number(), selfServed: z.number(), share: z.number().nullable() }),
  })
  .meta({ id: 'RequestMetrics' });

const query = z.strictObject({
  since: z.iso.datetime({ offset: true }).optional().describe('Requests created at or after (ISO 8601)'),
  until: z.iso.datetime({ offset: true }).optional().describe('Requests created before (ISO 8601)'),
  team: z.string().min(1).max(64).optional(),
});

export const requestMetricsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/requests',
    {
      onRequest: app.requireRole('reviewer', 'policy_admin'),
      schema: {
        tags: ['review'],
        summary:
          'Requests per team and channel, time to first review and to approval, share approved without changes requested, share self-served',
        querystring: query,
        response: { 200: metricsSchema, ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (request) =>
      requestMetrics(app.db, {
        since: request.query.since ? new Date(request.query.since) : undefined,
        until: request.query.until ? new Date(request.query.until) : undefined,
        team: request.query.team,
      }),
  );
};
