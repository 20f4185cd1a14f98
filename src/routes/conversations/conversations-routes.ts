import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_MESSAGE_CHARS } from '../../conversations/conversation-service.ts';
import type { TurnEvent } from '../../conversations/turn/turn-event.ts';
import { CHANNELS } from '../../conversations/conversation-view.ts';
import type { AppError } from '../../errors/app-error.ts';
import { stackDiffSchema } from '../../diff/stack-diff-schema.ts';
import { FindingSchema } from '../../guardrails/finding-schema.ts';
import { problemResponses, toProblem } from '../../http/problem.ts';
import { requestChannel } from '../../http/request-channel.ts';
import { currentUser } from '../../identity/identity-plugin.ts';
import { EnvironmentSchema } from '../../model/architecture.ts';

const id = z.uuid();
const architecture = z.looseObject({
  name: z.string(),
  team: z.string().nullable(),
  environment: z.string().nullable(),
  region: z.string(),
  components: z.array(z.looseObject({ id: z.string(), kind: z.string() })),
  connections: z.array(z.looseObject({ from: z.string(), to: z.string(), access: z.string() })),
});
const conversation = z.looseObject({
  id: z.string(),
  title: z.string().nullable(),
  team: z.string().nullable(),
  environment: z.string().nullable(),
  channel: z.enum(CHANNELS),
  owner: z.object({ id: z.string(), name: z.string() }),
  architecture,
  latestProposalId: z.string().nullable(),
  turnCount: z.number(),
  version: z.number(),
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const turn = z.looseObject({
  seq: z.number(),
  message: z.string(),
  intent: z.string(),
  operations: z.array(z.looseObject({ op: z.string() })),
  reply: z.string(),
  questions: z.array(z.string()),
  notes: z.array(z.string()),
  proposalId: z.string().nullable(),
  planner: z.string(),
  latencyMs: z.number(),
  usage: z.object({ inputTokens: z.number(), outputTokens: z.number() }).nullable(),
  createdAt: z.string(),
});
const proposal = z.looseObject({
  id: z.string(),
  conversationId: z.string(),
  architecture,
  findings: z.array(FindingSchema),
  fixesApplied: z.array(
    z.looseObject({
      ruleId: z.string(),
      level: z.string(),
      target: z.string(),
      description: z.string(),
      verified: z.boolean(),
    }),
  ),
  template: z.record(z.string(), z.unknown()),
  templateYaml: z.string(),
  diff: stackDiffSchema,
  cost: z
    .looseObject({
      currency: z.string(),
      monthlyTotal: z.number().nullable().describe('null when something has no price: see unpriced'),
      pricedTotal: z.number(),
      unpriced: z.array(z.string()),
      byComponent: z.record(z.string(), z.number()),
    })
    .nullable(),
  stackName: z.string().nullable(),
  policyVersion: z.number(),
  createdAt: z.string(),
});
const turnResult = z.object({
  reply: z.string(),
  questions: z.array(z.string()),
  operations: z.array(z.looseObject({ op: z.string() })),
  proposal: proposal.nullable(),
  intent: z.string(),
  planner: z.string(),
  notes: z.array(z.string()),
  seq: z.number(),
  version: z.number(),
  conversationId: z.string(),
});

const createBody = z.strictObject({
  team: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a team name: lower-case letters, digits and hyphens')
    .optional(),
  environment: EnvironmentSchema.optional(),
  title: z.string().min(1).max(200).optional(),
  channel: z.enum(CHANNELS).optional(),
});
const messageBody = z.strictObject({
  text: z
    .string()
    .max(MAX_MESSAGE_CHARS, `must be at most ${MAX_MESSAGE_CHARS} characters`)
    .refine((t) => t.trim().length > 0, 'must not be empty'),
});

function sse(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export const conversationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/',
    {
      onRequest: app.requireRole('developer'),
      schema: {
        tags: ['conversations'],
        summary: 'Start a conversation',
        body: createBody,
        response: { 201: conversation, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const created = await app.conversations.create(request.body, currentUser(request), request.id);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['conversations'],
        summary: 'Your conversations and your teams, newest first',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ items: z.array(conversation) }), ...problemResponses(400, 401) },
      },
    },
    async (request) => ({ items: await app.conversations.list(currentUser(request), request.query.limit) }),
  );

  app.get(
    '/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['conversations'],
        summary: 'A conversation with its turns',
        params: z.object({ id }),
        response: { 200: conversation.extend({ turns: z.array(turn) }), ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => app.conversations.get(request.params.id, currentUser(request)),
  );

  app.get(
    '/:id/proposals/:proposalId',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['conversations'],
        summary: 'One proposal of a conversation',
        params: z.object({ id, proposalId: id }),
        response: { 200: proposal, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) =>
      app.conversations.proposal(request.params.id, request.params.proposalId, currentUser(request)),
  );

  app.post(
    '/:id/messages',
    {
      onRequest: app.requireRole('developer'),
      schema: {
        tags: ['conversations'],
        summary:
          'Send a message; with Accept: text/event-stream, progress and the reply stream as server-sent events',
        params: z.object({ id }),
        body: messageBody,
        response: { 200: turnResult, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = currentUser(request);
      const input = {
        conversationId: request.params.id,
        text: request.body.text,
        actor,
        // The channel of this request (the CLI says so), not the one the conversation started in.
        channel: requestChannel(request),
        requestId: request.id,
      };
      const streaming = (request.headers.accept ?? '').includes('text/event-stream');
      if (!streaming) return app.conversations.postMessage(input);

      const checked = await app.conversations.preflight(input.conversationId, input.text, actor);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-request-id': request.id,
      });
      const onEvent = (event: TurnEvent) => {
        if (event.type === 'done') raw.write(sse('done', event.result));
        else if (event.type === 'reply') raw.write(sse('reply', { text: event.text }));
        else raw.write(sse(event.type, {}));
      };
      try {
        await app.conversations.postMessage({ ...input, onEvent }, checked);
      } catch (error) {
        const appError = (error as Partial<AppError>).status !== undefined ? (error as AppError) : undefined;
        if (appError && appError.status < 500) raw.write(sse('error', toProblem(appError, request.id)));
        else {
          request.log.error({ err: error }, 'streamed turn failed');
          raw.write(sse('error', { title: 'Internal error', status: 500, requestId: request.id }));
        }
      }
      raw.end();
      return reply;
    },
  );
};
