/**
 * /v1/change-requests: a proposal submitted for review, its revisions, review decisions, comments and apply.
 * Any signed-in user reads; the service decides who may do what (authors revise and close, reviewers review,
 * never their own). Mutations take `expectedVersion` (or `If-Match: "<version>"`) and answer 409 on a
 * conflict; create, approve and apply honour `Idempotency-Key`. Responses carry `ETag: "<version>"`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ChangeRequest } from '../../change-requests/change-request.ts';
import type { ActionContext } from '../../change-requests/change-request-service.ts';
import { ReplayedProblemError } from '../../change-requests/errors/replayed-problem-error.ts';
import { listChangeRequests } from '../../change-requests/review-queue.ts';
import { renderDiffMarkdown } from '../../diff/render-diff-markdown.ts';
import { renderDiffText } from '../../diff/render-diff-text.ts';
import type { StackDiff } from '../../diff/stack-diff.ts';
import { BadRequestError } from '../../http/errors/bad-request-error.ts';
import { NotFoundError } from '../../http/errors/not-found-error.ts';
import { problemResponses } from '../../http/problem.ts';
import { currentUser } from '../../identity/identity-plugin.ts';
import {
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
  reviseBody,
  versionBody,
} from './change-requests-schemas.ts';

const errors = problemResponses(400, 401, 403, 404, 409, 413, 415, 422, 429);

/** `"3"`, `W/"3"` or `3` → 3. */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) throw new BadRequestError('If-Match must be the ETag of the change request, such as "3"');
  return Number(match[1]);
}

function expectedVersionOf(
  request: FastifyRequest,
  body: { expectedVersion?: number | undefined },
): number | undefined {
  const header = versionFromIfMatch(request.headers['if-match'] as string | undefined);
  if (header !== undefined && body.expectedVersion !== undefined && header !== body.expectedVersion) {
    throw new BadRequestError('If-Match and expectedVersion disagree; send one of them');
  }
  return body.expectedVersion ?? header;
}

function contextOf(request: FastifyRequest): ActionContext {
  return { user: currentUser(request), requestId: request.id };
}

function idempotencyOf(request: FastifyRequest): { key: string } | null {
  const key = request.headers['idempotency-key'];
  return typeof key === 'string' && key !== '' ? { key } : null;
}

function send(reply: FastifyReply, status: number, body: ChangeRequest, replayed = false) {
  reply.header('etag', `"${body.version}"`);
  if (replayed) reply.header('idempotent-replayed', 'true');
  return reply.status(status).send(body);
}

export const changeRequestsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['change-requests'];
  app.addHook('preHandler', app.authenticate);
  // A refusal answered again from its Idempotency-Key is marked like a replayed success.
  app.addHook('onError', async (_request, reply, error) => {
    if (error instanceof ReplayedProblemError) reply.header('idempotent-replayed', 'true');
  });

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Submit a proposal for review (Idempotency-Key honoured)',
        headers: idempotencyHeaders,
        body: createBody,
        response: { 201: changeRequestSchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await app.changeRequests.create(
        contextOf(request),
        { ...request.body, channel: request.body.channel ?? 'api' },
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

  app.get(
    '/:id/bundle',
    {
      schema: {
        tags,
        summary: 'The export bundle (template, diff, ready CloudFormation commands) of an export apply',
        params: idParams,
        response: { 200: z.unknown(), ...errors },
      },
    },
    async (request) => {
      const cr = await app.changeRequests.get(request.params.id);
      if (cr.apply === null || cr.apply.bundle === null) {
        throw new NotFoundError(
          `change request ${cr.id} has no export bundle: apply it with APPLY_MODE=export`,
        );
      }
      return cr.apply.bundle;
    },
  );

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

  app.post(
    '/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve (reviewers; never your own request; Idempotency-Key honoured)',
        params: idParams,
        headers: idempotencyHeaders,
        body: versionBody,
        response: { 200: changeRequestSchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await app.changeRequests.approve(
        contextOf(request),
        request.params.id,
        { expectedVersion: expectedVersionOf(request, request.body ?? {}) },
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
          expectedVersion: expectedVersionOf(request, request.body),
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

  app.post(
    '/:id/apply',
    {
      schema: {
        tags,
        summary:
          'Apply an approved request per APPLY_MODE: export (200, bundle), changeset or execute (202, follow with GET)',
        params: idParams,
        headers: idempotencyHeaders,
        body: versionBody,
        response: { 200: changeRequestSchema, 202: changeRequestSchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await app.changeApply.start(
        contextOf(request),
        request.params.id,
        { expectedVersion: expectedVersionOf(request, request.body ?? {}) },
        idempotencyOf(request),
      );
      return send(reply, result.statusCode, result.body, result.replayed);
    },
  );

  for (const [path, outcome, body, summary] of [
    [
      'mark-applied',
      'succeeded',
      optionalReasonBody,
      'Record that an exported bundle or change set was applied',
    ],
    [
      'mark-failed',
      'failed',
      reasonBody,
      'Record that an exported bundle or change set failed, with a reason',
    ],
  ] as const) {
    app.post(
      `/:id/${path}`,
      {
        schema: {
          tags,
          summary: `${summary} (reviewers; the baseline moves only when applied)`,
          params: idParams,
          headers: ifMatchHeaders,
          body,
          response: { 200: changeRequestSchema, ...errors },
        },
      },
      async (request, reply) => {
        const b = (request.body ?? {}) as {
          reason?: string | undefined;
          expectedVersion?: number | undefined;
        };
        const cr = await app.changeApply.markOutcome(contextOf(request), request.params.id, {
          outcome,
          reason: b.reason,
          expectedVersion: expectedVersionOf(request, b),
        });
        return send(reply, 200, cr);
      },
    );
  }
};
