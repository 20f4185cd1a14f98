import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { UnsupportedMediaTypeError } from '../../http/errors/unsupported-media-type-error.ts';
import { problemResponses } from '../../http/problem.ts';
import { parseJson } from '../../json/parse-json.ts';
import { EventEnvelope, Interaction, SlashCommand } from '../../slack/slack-payloads.ts';
import { SlackPayloadError, SlackSignatureError } from '../../slack/slack-request-errors.ts';
import { verifySlackSignature } from '../../slack/verify-slack-signature.ts';
import { findUnsafeText } from '../../text/find-unsafe-text.ts';

export interface SlackRoutesOptions {
  signingSecret: string;
}

function issues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
}

/** Refuses text the store cannot keep (NUL, unpaired surrogates) with a 400 naming the field. */
function storable<T>(value: T, what: string): T {
  const unsafe = findUnsafeText(value, '');
  if (unsafe) throw new SlackPayloadError(`${what} has text that cannot be stored.`, [unsafe]);
  return value;
}

function jsonOf(text: string, what: string): unknown {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new SlackPayloadError(`${what} is not valid JSON: ${parsed.error}`);
  return storable(parsed.value, what);
}

/** What Slack sends to each endpoint: anything else is refused (415) once the signature is checked. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '/slack/events': 'application/json',
  '/slack/commands': 'application/x-www-form-urlencoded',
  '/slack/interactions': 'application/x-www-form-urlencoded',
};

function assertContentType(request: FastifyRequest): void {
  const expected = CONTENT_TYPES[request.routeOptions.url ?? ''];
  const given = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (expected && given !== expected)
    throw new UnsupportedMediaTypeError(
      `This Slack endpoint takes ${expected}, not ${given || 'a body without a content type'}.`,
    );
}

function formOf(text: string): Record<string, string> {
  return storable(Object.fromEntries(new URLSearchParams(text)), 'The form');
}

/**
 * Slack's three endpoints. Each verifies the v0 signature over the raw body before anything else (401
 * otherwise), then the content type Slack uses for it (415 otherwise) and text the store cannot keep (400
 * naming the field), answers within Slack's 3 seconds, and leaves the work to the bot in the background.
 * These routes only exist when SLACK_SIGNING_SECRET is set.
 */
export const slackRoutes: FastifyPluginAsyncZod<SlackRoutesOptions> = async (app, options) => {
  // The signature covers the exact bytes Slack sent: keep the body as text in this scope.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.addHook('preHandler', async (request: FastifyRequest) => {
    const rawBody = typeof request.body === 'string' ? request.body : '';
    const verdict = verifySlackSignature({
      signingSecret: options.signingSecret,
      rawBody,
      timestamp: request.headers['x-slack-request-timestamp'] as string | undefined,
      signature: request.headers['x-slack-signature'] as string | undefined,
    });
    if (!verdict.ok) throw new SlackSignatureError(verdict.reason);
    assertContentType(request);
  });

  const responses = { ...problemResponses(400, 401, 413, 415) };

  app.post(
    '/events',
    {
      schema: {
        tags: ['slack'],
        summary: 'Slack Events API (url_verification, app_mention, message.im)',
        response: {
          200: z
            .object({ challenge: z.string().optional() })
            .describe('the challenge echoed, or an empty acknowledgement'),
          ...responses,
        },
      },
    },
    async (request) => {
      const envelope = EventEnvelope.safeParse(jsonOf(request.body as string, 'The event'));
      if (!envelope.success)
        throw new SlackPayloadError('The event is not an Events API envelope.', issues(envelope.error));
      if (envelope.data.type === 'url_verification') return { challenge: envelope.data.challenge };
      await app.slack.bot.onEvent(envelope.data.event_id, envelope.data.event);
      return {};
    },
  );

  app.post(
    '/commands',
    {
      schema: {
        tags: ['slack'],
        summary: 'Slash command /infra',
        response: {
          200: z.object({ response_type: z.literal('ephemeral'), text: z.string() }),
          ...responses,
        },
      },
    },
    async (request) => {
      const command = SlashCommand.safeParse(formOf(request.body as string));
      if (!command.success)
        throw new SlackPayloadError('The slash command is missing fields.', issues(command.error));
      return app.slack.bot.onCommand(command.data);
    },
  );

  app.post(
    '/interactions',
    {
      schema: {
        tags: ['slack'],
        summary: 'Buttons and modal submissions',
        response: { 200: z.record(z.string(), z.unknown()), ...responses },
      },
    },
    async (request) => {
      const form = formOf(request.body as string);
      if (form.payload === undefined)
        throw new SlackPayloadError('The interaction has no payload field.', [
          { path: 'payload', message: 'required' },
        ]);
      const interaction = Interaction.safeParse(jsonOf(form.payload, 'The interaction payload'));
      if (!interaction.success)
        throw new SlackPayloadError(
          'The interaction payload is not a block action or view submission.',
          issues(interaction.error),
        );
      if (interaction.data.type === 'view_submission')
        return app.slack.bot.onViewSubmission(interaction.data);
      await app.slack.bot.onBlockActions(interaction.data);
      return {};
    },
  );
};
