import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../../http/problem.ts';
import {
  draftBody,
  dryRunReport,
  listQuery,
  policyVersion,
  policyVersionWithDiff,
  rollbackBody,
  saveBody,
  validation,
  versionList,
  versionParams,
} from './policies-schemas.ts';

/**
 * /v1/policies: the guardrail policy set as versions. Anyone signed in reads it; policy_admin (or admin)
 * validates, dry-runs, saves and rolls back.
 */
export const policiesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['policies'];

  app.get(
    '/current',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'The policy in force',
        response: { 200: policyVersion, ...problemResponses(401, 404) },
      },
    },
    async () => app.policies.current(),
  );

  app.put(
    '/current',
    {
      onRequest: app.requireRole('policy_admin'),
      schema: {
        tags,
        summary: 'Save a new policy version (baseVersion must be the current version)',
        body: saveBody,
        response: { 200: policyVersion, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request) => app.policies.save(request.body, request),
  );

  app.get(
    '/versions',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'Policy versions, newest first',
        querystring: listQuery,
        response: { 200: versionList, ...problemResponses(400, 401) },
      },
    },
    async (request) => ({ versions: await app.policies.list(request.query.limit, request.query.before) }),
  );

  app.get(
    '/versions/:version',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'One policy version with the unified diff from the previous one',
        params: versionParams,
        response: { 200: policyVersionWithDiff, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => app.policies.get(request.params.version),
  );

  app.post(
    '/versions/:version/rollback',
    {
      onRequest: app.requireRole('policy_admin'),
      schema: {
        tags,
        summary: 'Restore the text of an earlier version as a new version',
        params: versionParams,
        body: rollbackBody,
        response: { 201: policyVersion, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const created = await app.policies.rollback(
        { toVersion: request.params.version, ...request.body },
        request,
      );
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/validate',
    {
      onRequest: app.requireRole('policy_admin'),
      schema: {
        tags,
        summary: 'Validate a draft; errors name the line, column and path',
        body: draftBody,
        response: { 200: validation, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => app.policies.validate(request.body.text),
  );

  app.post(
    '/dry-run',
    {
      onRequest: app.requireRole('policy_admin'),
      schema: {
        tags,
        summary: 'Findings a draft would add, remove or change on recent proposals and stack baselines',
        body: draftBody,
        response: { 200: dryRunReport, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => app.policies.dryRun(request.body.text),
  );
};
