import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../../http/problem.ts';
import { CreateWaiverSchema, RevokeWaiverSchema } from '../../waivers/waiver-input.ts';
import { listQuery, waiverList, waiverParams, waiverView } from './waivers-schemas.ts';

/** /v1/waivers: policy_admin (or admin) creates and revokes; reviewers and policy admins read. */
export const waiversRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['waivers'];

  app.post(
    '/',
    {
      onRequest: app.requireRole('policy_admin'),
      schema: {
        tags,
        summary: 'Create a waiver (expiry required, at most the policy maximum away)',
        body: CreateWaiverSchema,
        response: { 201: waiverView, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => reply.status(201).send(await app.waivers.create(request.body, request)),
  );

  app.get(
    '/',
    {
      onRequest: app.requireRole('reviewer', 'policy_admin'),
      schema: {
        tags,
        summary: 'Waivers, newest first (filters: state, ruleId, team)',
        querystring: listQuery,
        response: { 200: waiverList, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => ({ waivers: await app.waivers.list(request.query) }),
  );

  app.get(
    '/:id',
    {
      onRequest: app.requireRole('reviewer', 'policy_admin'),
      schema: {
        tags,
        summary: 'One waiver',
        params: waiverParams,
        response: { 200: waiverView, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => app.waivers.get(request.params.id),
  );

  app.post(
    '/:id/revoke',
    {
      onRequest: app.requireRole('policy_admin'),
      schema: {
        tags,
        summary: 'Revoke a waiver now',
        params: waiverParams,
        body: RevokeWaiverSchema,
        response: { 200: waiverView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => app.waivers.revoke(request.params.id, request.body.reason, request),
  );
};
