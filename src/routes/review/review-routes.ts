/**
 * /v1/review: the infra org's review queue (reviewers, policy admins, admins). Filters by status, team,
 * risk and age; oldest first; paged by an opaque cursor.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DEFAULT_QUEUE_STATES, listChangeRequests } from '../../change-requests/review-queue.ts';
import { problemResponses } from '../../http/problem.ts';
import { listQuery, pageSchema } from '../change-requests/change-requests-schemas.ts';

export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/queue',
    {
      onRequest: app.requireRole('reviewer', 'policy_admin'),
      schema: {
        tags: ['review'],
        summary:
          'Change requests waiting for review (open, changes_requested unless status is given), oldest first',
        querystring: listQuery,
        response: { 200: pageSchema, ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (request) => {
      const q = request.query;
      return listChangeRequests(app.db, app.changeRequests.approvalPolicy, {
        states: q.status && q.status.length > 0 ? q.status : DEFAULT_QUEUE_STATES,
        team: q.team,
        risk: q.risk,
        createdBefore: q.older_than === undefined ? undefined : new Date(Date.now() - q.older_than),
        authorId: q.mine === 'true' ? request.user?.id : undefined,
        limit: q.limit,
        cursor: q.cursor,
      });
    },
  );
};
