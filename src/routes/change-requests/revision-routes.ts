/** /v1/change-requests/:id/revisions: add one (revise), read one, and compare two (the revision diff). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderRevisionDiff } from '../../change-requests/revision-diff/render-revision-diff.ts';
import {
  loadRevisionDiff,
  loadRevisionSnapshot,
} from '../../change-requests/revision-diff/load-revision-diff.ts';
import { problemResponses } from '../../http/problem.ts';
import {
  changeRequestSchema,
  idParams,
  ifMatchHeaders,
  reviseBody,
  revisionDiffQuery,
  revisionDiffSchema,
  snapshotSchema,
} from './change-requests-schemas.ts';
import { contextOf, expectedVersionOf, send } from './route-helpers.ts';

const errors = problemResponses(400, 401, 403, 404, 409, 413, 415, 422, 429);

export const revisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['change-requests'];

  app.post(
    '/:id/revisions',
    {
      schema: {
        tags,
        summary: 'A new revision from a newer proposal of the same conversation (dismisses approvals)',
        params: idParams,
        headers: ifMatchHeaders,
        body: reviseBody,
        response: { 200: changeRequestSchema, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const cr = await app.changeRequests.revise(contextOf(request), request.params.id, {
        proposalId: body.proposalId,
        expectedVersion: expectedVersionOf(request, body),
      });
      return send(reply, 200, cr);
    },
  );

  app.get(
    '/:id/revisions/:revision',
    {
      schema: {
        tags,
        summary: 'One revision as it was frozen: architecture, template, findings, diff, cost',
        params: idParams.extend({ revision: z.coerce.number().int().min(1) }),
        response: { 200: snapshotSchema, ...errors },
      },
    },
    async (request) => loadRevisionSnapshot(app.db, request.params.id, request.params.revision),
  );

  app.get(
    '/:id/revision-diff',
    {
      schema: {
        tags,
        summary:
          'What changed between two revisions (default: the previous and the current one): components, resources, findings, cost',
        params: idParams,
        querystring: revisionDiffQuery,
        response: { 200: z.union([revisionDiffSchema, z.string()]), ...errors },
      },
    },
    async (request, reply) => {
      const { from, to, format } = request.query;
      const diff = await loadRevisionDiff(app.db, request.params.id, { from, to });
      if (format === 'json') return diff;
      if (format === 'markdown')
        return reply.type('text/markdown; charset=utf-8').send(renderRevisionDiff(diff, { markdown: true }));
      return reply.type('text/plain; charset=utf-8').send(renderRevisionDiff(diff));
    },
  );
};
