/** GET /v1/me: the caller as the service sees it (id, name, roles, teams). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../http/problem.ts';
import { currentUser } from '../../identity/identity-plugin.ts';
import { ROLES } from '../../identity/roles.ts';

export const meSchema = z
  .object({ id: z.uuid(), name: z.string(), roles: z.array(z.enum(ROLES)), teams: z.array(z.string()) })
  .meta({ id: 'Me' });

export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['identity'],
        summary: 'The authenticated caller',
        response: { 200: meSchema, ...problemResponses(401, 429) },
      },
    },
    async (request) => currentUser(request),
  );
};
