/**
 * /v1/change-requests: a proposal submitted for review, its revisions, review decisions, comments and apply.
 * Any signed-in user reads; the service decides who may do what (authors revise and close, reviewers review,
 * never their own). Mutations take `expectedVersion` (or `If-Match: "<version>"`) and answer 409 on a
 * conflict; create, approve and apply honour `Idempotency-Key`. Responses carry `ETag: "<version>"`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ReplayedProblemError } from '../../change-requests/errors/replayed-problem-error.ts';
import { listChangeRequests } from '../../change-requests/review-queue.ts';
import { renderDiffMarkdown } from '../../diff/render-diff-markdown.ts';
import { renderDiffText } from '../../diff/render-diff-text.ts';
import type { StackDiff } from '../../diff/stack-diff.ts';
import { problemResponses } from '../../http/problem.ts';
import { requestChannel } from '../../http/request-channel.ts';
import { currentUser } from '../../identity/identity-plugin.ts';
import { applyRoutes } from './apply-routes.ts';
import {
  approveBody,
  changeRequestSchema,
  commentBody,
  createBody,
  diffQuery,
  idempotencyHeaders,
  idParams,
  ifMatchHeaders,
  listQuery,
  optionalReasonBody,
  pageSchema,
  reasonBody,
} from './change-requests-schemas.ts';
import { revisionRoutes } from './revision-routes.ts';
import { contextOf, expectedVersionOf, idempotencyOf, send } from './route-helpers.ts';

export { versionFromIfMatch } from './route-helpers.ts';

const errors = problemResponses(400, 401, 403, 404, 409, 413, 415, 422, 429);

export const changeRequestsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['change-requests'];
  await app.register(revisionRoutes);
  await app.register(applyRoutes);
  app.addHook('onRequest', app.authenticate);
  // A refusal answered again from its Idempotency-Key is marked like a replayed success.
  app.addHook('onError', async (_request, reply, error) => {
    if (error instanceof ReplayedProblemError) reply.header('idempotent-replayed', 'true');
  });

  app.post(
    '/',
    {
      schema: {
        tags,
        summary:
          'Submit a proposal for review (Idempotency-Key honoured); 409 open-change-request when its stack has an open one (revise that instead)',
        headers: idempotencyHeaders,
        body: createBody,
        response: { 201: changeRequestSchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await app.changeRequests.create(
        contextOf(request),
        { ...request.body, channel: request.body.channel ?? requestChannel(request) },
        idempotencyOf(request),
      );
      return send(reply, result.statusCode, result.body, result.replayed);
    },
  );

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'List change requests (all states unless status is given), oldest first',
        querystring: listQuery,
        response: { 200: pageSchema, ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      return listChangeRequests(app.db, app.changeRequests.approvalPolicy, {
        states: q.status ?? [],
        team: q.team,
        risk: q.risk,
        createdBefore: q.older_than === undefined ? undefined : new Date(Date.now() - q.older_than),
        authorId: q.mine === 'true' ? currentUser(request).id : undefined,
        limit: q.limit,
        cursor: q.cursor,
      });
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'One change request with its snapshot, risk, approvals, lock, apply status and comments',
        params: idParams,
        response: { 200: changeRequestSchema, ...errors },
      },
    },
    async (request, reply) => {
      const cr = await app.changeRequests.get(request.params.id);
      if (cr.state === 'applying') void app.changeApply.reconcile().catch(() => undefined);
      return send(reply, 200, cr);
    },
  );

  app.get(
    '/:id/diff',
    {
      schema: {
        tags,
        summary: 'The diff of the current revision, as terminal text, Markdown or JSON',
        params: idParams,
        querystring: diffQuery,
        response: { 200: z.string(), ...errors },
      },
    },
    async (request, reply) => {
      const cr = await app.changeRequests.get(request.params.id);
      const diff = cr.snapshot.diff as StackDiff;
      const format = request.query.format;
      if (format === 'json') return reply.type('application/json').send(JSON.stringify(diff, null, 2));
      if (format === 'markdown')
        return reply.type('text/markdown; charset=utf-8').send(renderDiffMarkdown(diff));
      return reply.type('text/plain; charset=utf-8').send(renderDiffText(diff));
    },
  );

  app.post(
    '/:id/approve',
    {
      schema: {
        tags,
        summary:
          'Approve the revision you reviewed, with an optional comment (reviewers; never your own request; Idempotency-Key honoured)',
        params: idParams,
        headers: idempotencyHeaders,
        body: approveBody,
        response: { 200: changeRequestSchema, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body ?? {};
      const result = await app.changeRequests.approve(
        contextOf(request),
        request.params.id,
        {
          version: expectedVersionOf(request, body),
          revision: body.expectedRevision,
          comment: body.comment,
        },
        idempotencyOf(request),
      );
      return send(reply, result.statusCode, result.body, result.replayed);
    },
  );

  for (const [path, action, summary] of [
    ['request-changes', 'requestChanges', 'Ask the author for changes, with a reason (reviewers)'],
    ['reject', 'reject', 'Reject, with a reason (reviewers)'],
  ] as const) {
    app.post(
      `/:id/${path}`,
      {
        schema: {
          tags,
          summary,
          params: idParams,
          headers: ifMatchHeaders,
          body: reasonBody,
          response: { 200: changeRequestSchema, ...errors },
        },
      },
      async (request, reply) => {
        const cr = await app.changeRequests[action](contextOf(request), request.params.id, {
          reason: request.body.reason,
          version: expectedVersionOf(request, request.body),
          revision: request.body.expectedRevision,
        });
        return send(reply, 200, cr);
      },
    );
  }

  app.post(
    '/:id/close',
    {
      schema: {
        tags,
        summary: 'Withdraw the request (author, policy_admin, admin)',
        params: idParams,
        headers: ifMatchHeaders,
        body: optionalReasonBody,
        response: { 200: changeRequestSchema, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body ?? {};
      const cr = await app.changeRequests.close(contextOf(request), request.params.id, {
        reason: body.reason,
        expectedVersion: expectedVersionOf(request, body),
      });
      return send(reply, 200, cr);
    },
  );

  app.post(
    '/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment',
        params: idParams,
        body: commentBody,
        response: { 201: changeRequestSchema, ...errors },
      },
    },
    async (request, reply) => {
      const cr = await app.changeRequests.comment(contextOf(request), request.params.id, request.body);
      return send(reply, 201, cr);
    },
  );
};
