import { z } from 'zod';

/** Events API envelopes (`POST /slack/events`, JSON). Unknown fields are kept: Slack adds them freely. */
export const UrlVerification = z.object({
  type: z.literal('url_verification'),
  challenge: z.string().max(500),
});

export const MessageEvent = z.looseObject({
  type: z.string(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
  text: z.string().default(''),
  channel: z.string(),
  channel_type: z.string().optional(),
  ts: z.string(),
  thread_ts: z.string().optional(),
});
export type MessageEvent = z.infer<typeof MessageEvent>;

export const EventCallback = z.looseObject({
  type: z.literal('event_callback'),
  event_id: z.string().min(1),
  team_id: z.string().optional(),
  event: z.looseObject({ type: z.string() }),
});

export const EventEnvelope = z.discriminatedUnion('type', [UrlVerification, EventCallback]);

/** Slash commands (`POST /slack/commands`, form-encoded). */
export const SlashCommand = z.looseObject({
  command: z.string(),
  text: z.string().default(''),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  trigger_id: z.string().min(1),
  team_id: z.string().optional(),
});
export type SlashCommand = z.infer<typeof SlashCommand>;

/** Interactions (`POST /slack/interactions`, form-encoded `payload` holding JSON). */
export const BlockActions = z.looseObject({
  type: z.literal('block_actions'),
  trigger_id: z.string(),
  user: z.looseObject({ id: z.string() }),
  channel: z.looseObject({ id: z.string() }).optional(),
  container: z
    .looseObject({
      channel_id: z.string().optional(),
      message_ts: z.string().optional(),
      thread_ts: z.string().optional(),
    })
    .optional(),
  message: z.looseObject({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
  actions: z
    .array(
      z.looseObject({
        action_id: z.string(),
        value: z.string().max(200).default(''),
        action_ts: z.string().optional(),
      }),
    )
    .min(1),
});
export type BlockActions = z.infer<typeof BlockActions>;

export const ViewSubmission = z.looseObject({
  type: z.literal('view_submission'),
  user: z.looseObject({ id: z.string() }),
  view: z.looseObject({
    id: z.string().optional(),
    callback_id: z.string(),
    private_metadata: z.string().default(''),
    state: z.looseObject({
      values: z.record(z.string(), z.record(z.string(), z.looseObject({ value: z.string().nullish() }))),
    }),
  }),
});
export type ViewSubmission = z.infer<typeof ViewSubmission>;

export const Interaction = z.discriminatedUnion('type', [BlockActions, ViewSubmission]);
