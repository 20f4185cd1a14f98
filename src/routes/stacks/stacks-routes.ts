/**
 * /v1/stacks: stacks (team, app, environment), their baselines (the template last applied or imported, with
 * history), baseline import from a template or from AWS, and diffs of a template against the baseline.
 * Reading and diffing: any signed-in user. Creating a stack: a developer of its team, a reviewer or a policy
 * admin. Importing a baseline (it decides what reviewers diff against): reviewers and policy admins.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { renderDiffMarkdown } from '../../diff/render-diff-markdown.ts';
import { renderDiffText } from '../../diff/render-diff-text.ts';
import { ForbiddenError } from '../../http/errors/forbidden-error.ts';
import { problemResponses } from '../../http/problem.ts';
import { currentUser } from '../../identity/identity-plugin.ts';
import { hasRole } from '../../identity/roles.ts';
import type { StackKey } from '../../stacks/stack-name.ts';
import { stackIdentityOf } from '../../stacks/stack-name.ts';
import {
  baselineSchema,
  diffBody,
  diffResultSchema,
  importBody,
  listQuery,
  stackDetailSchema,
  stackKeyBody,
  stackNameParams,
  stackSchema,
  stackSummarySchema,
} from './stacks-schemas.ts';
import { z } from 'zod';

const TEMPLATE_BODY_LIMIT = 6 * 1024 * 1024;

export const stacksRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['stacks'];

  app.get(
    '/',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'List stacks with their current baseline',
        querystring: listQuery,
        response: { 200: z.object({ stacks: z.array(stackSummarySchema) }), ...problemResponses(400, 401) },
      },
    },
    async (request) => ({ stacks: await app.stacks.list(request.query) }),
  );

  app.post(
    '/',
    {
      onRequest: app.requireRole('developer', 'reviewer', 'policy_admin'),
      schema: {
        tags,
        summary: 'Register a stack (named <team>-<app>-<environment>)',
        body: stackKeyBody,
        response: { 201: stackSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const identity = stackIdentityOf(request.body);
      if (!hasRole(user, ['reviewer', 'policy_admin']) && !user.teams.includes(identity.team)) {
        throw new ForbiddenError(
          `only members of team ${identity.team}, reviewers and policy admins can add its stacks`,
        );
      }
      return reply.status(201).send(await app.stacks.create(request.body, request));
    },
  );

  app.get(
    '/:name',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'A stack with its current baseline and the baseline history',
        params: stackNameParams,
        response: { 200: stackDetailSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => app.stacks.get(request.params.name),
  );

  app.get(
    '/:name/baselines/:version',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'One version of the stack baseline, with its template',
        params: stackNameParams.extend({ version: z.coerce.number().int().positive() }),
        response: { 200: baselineSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => app.stacks.baselineVersion(request.params.name, request.params.version),
  );

  app.post(
    '/:name/baseline/import',
    {
      onRequest: app.requireRole('reviewer', 'policy_admin'),
      bodyLimit: TEMPLATE_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import the template of an existing stack as its baseline ({template} or {fromAws: true})',
        params: stackNameParams,
        body: importBody,
        response: { 201: baselineSchema, ...problemResponses(400, 401, 403, 404, 409, 413, 502, 503) },
      },
    },
    async (request, reply) => {
      const { team, app: appName, environment } = request.body;
      const key: StackKey | undefined =
        team !== undefined && appName !== undefined && environment !== undefined
          ? { team, app: appName, environment }
          : undefined;
      const source =
        'fromAws' in request.body ? { fromAws: true as const } : { template: request.body.template };
      const baseline = await app.stacks.importBaseline(request.params.name, source, request, key);
      return reply.status(201).send(baseline);
    },
  );

  app.post(
    '/:name/diff',
    {
      onRequest: app.authenticate,
      bodyLimit: TEMPLATE_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Diff a template or a stored proposal against the stack baseline (stored, else deployed when AWS is configured)',
        params: stackNameParams,
        body: diffBody,
        response: { 200: diffResultSchema, ...problemResponses(400, 401, 403, 404, 413, 502, 503) },
      },
    },
    async (request) => {
      const body = request.body;
      const format = body.format;
      const result =
        'proposalId' in body
          ? await app.stacks.diffProposal(request.params.name, body.proposalId, currentUser(request))
          : await app.stacks.diff(request.params.name, body.template, {
              ...(body.costBefore !== undefined ? { costBefore: body.costBefore } : {}),
              ...(body.costAfter !== undefined ? { costAfter: body.costAfter } : {}),
            });
      if (format === 'markdown') return { ...result, rendered: renderDiffMarkdown(result.diff) };
      if (format === 'text') return { ...result, rendered: renderDiffText(result.diff, { unified: true }) };
      return result;
    },
  );
};
