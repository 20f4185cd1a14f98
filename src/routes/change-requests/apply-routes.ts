/** /v1/change-requests/:id/apply, mark-applied, mark-failed and the export bundle. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFoundError } from '../../http/errors/not-found-error.ts';
import { problemResponses } from '../../http/problem.ts';
import {
  changeRequestSchema,
  idempotencyHeaders,
  idParams,
  ifMatchHeaders,
  optionalReasonBody,
  reasonBody,
  versionBody,
} from './change-requests-schemas.ts';
import { contextOf, expectedVersionOf, idempotencyOf, send } from './route-helpers.ts';

const errors = problemResponses(400, 401, 403, 404, 409, 413, 415, 422, 429);

export const applyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['change-requests'];

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
