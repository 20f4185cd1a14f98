import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../http/problem.ts';
import { currentUser } from '../../identity/identity-plugin.ts';

const params = z.strictObject({
  slackUserId: z.string().regex(/^[UW][A-Z0-9]{2,20}$/, 'a Slack user id such as U0123ABCD'),
});
const body = z.strictObject({ userId: z.uuid() });
const link = z.object({
  slackUserId: z.string(),
  userId: z.string(),
  name: z.string(),
  linkedBy: z.enum(['admin', 'provisioned']),
});

/** Admins link Slack users to copilot users (the roles that count in Slack are the copilot user's). */
export const slackLinksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['slack'],
        summary: 'Slack users and the copilot users they act as',
        response: { 200: z.object({ links: z.array(link) }), ...problemResponses(401, 403) },
      },
    },
    async () => ({ links: await app.slack.people.list() }),
  );

  app.put(
    '/users/:slackUserId',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['slack'],
        summary: 'Link a Slack user to a copilot user',
        params,
        body,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await app.slack.people.link(
        request.params.slackUserId,
        request.body.userId,
        currentUser(request),
        request.id,
      );
      return reply.status(204).send(null);
    },
  );
};
