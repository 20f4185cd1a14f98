/** GET /v1/audit (reviewer or admin): audit entries, newest first, filtered, paged by `before`. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../http/problem.ts';

const entrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.object({ id: z.string().nullable(), name: z.string() }),
    action: z.string(),
    subject: z.object({ type: z.string(), id: z.string() }),
    beforeDigest: z.string().nullable(),
    afterDigest: z.string().nullable(),
    summary: z.record(z.string(), z.unknown()),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

const query = z.strictObject({
  actorId: z.uuid().optional(),
  action: z.string().min(1).max(100).optional(),
  subjectType: z.string().min(1).max(100).optional(),
  subjectId: z.string().min(1).max(200).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      onRequest: app.requireRole('reviewer'),
      schema: {
        tags: ['audit'],
        summary: 'Read the audit log (reviewers and admins)',
        querystring: query,
        response: {
          200: z.object({ entries: z.array(entrySchema), nextBefore: z.number().int().nullable() }),
          ...problemResponses(400, 401, 403, 429),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const entries = await app.audit.list({
        ...q,
        since: q.since ? new Date(q.since) : undefined,
        until: q.until ? new Date(q.until) : undefined,
      });
      const last = entries[entries.length - 1];
      return { entries, nextBefore: entries.length === q.limit && last ? last.id : null };
    },
  );
};
