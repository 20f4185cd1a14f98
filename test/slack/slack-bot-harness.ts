import { ACTIONS } from '../../src/slack/blocks/action-ids.ts';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { signSlackRequest } from '../../src/slack/verify-slack-signature.ts';
import { type SlackStandIn, startSlackStandIn } from '../support/slack-stand-in.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

export const SECRET = 'test-signing-secret-0123456789';
export const TEAM_CHANNEL = 'CPAYMENTS';
export const REVIEW_CHANNEL = 'CREVIEW';

export let slack: SlackStandIn;
export let t: TestApp;
let seq = 0;

export function nextTs(): string {
  seq += 1;
  return `1800000000.${String(seq).padStart(6, '0')}`;
}

export async function send(
  path: string,
  body: string,
  contentType: string,
  headers: Record<string, string> = {},
) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return t.app.inject({
    method: 'POST',
    url: path,
    payload: body,
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': signSlackRequest(SECRET, timestamp, body),
      ...headers,
    },
  });
}

export function event(ev: Record<string, unknown>, eventId = `Ev${nextTs().replace('.', '')}`) {
  return send(
    '/slack/events',
    JSON.stringify({ type: 'event_callback', event_id: eventId, team_id: 'T1', event: ev }),
    'application/json',
  );
}

export function interaction(payload: Record<string, unknown>) {
  return send(
    '/slack/interactions',
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    'application/x-www-form-urlencoded',
  );
}

export function click(
  user: string,
  actionId: string,
  value: string,
  channel: string,
  messageTs: string,
  threadTs?: string,
) {
  return interaction({
    type: 'block_actions',
    trigger_id: `trig-${nextTs()}`,
    user: { id: user },
    channel: { id: channel },
    container: {
      type: 'message',
      channel_id: channel,
      message_ts: messageTs,
      ...(threadTs ? { thread_ts: threadTs } : {}),
    },
    message: { ts: messageTs, ...(threadTs ? { thread_ts: threadTs } : {}) },
    actions: [{ action_id: actionId, value, action_ts: nextTs() }],
  });
}

export function buttonValue(blocks: unknown[] | undefined, actionId: string): string | undefined {
  for (const block of (blocks ?? []) as {
    type: string;
    elements?: { action_id?: string; value?: string }[];
  }[]) {
    if (block.type !== 'actions') continue;
    const found = block.elements?.find((e) => e.action_id === actionId);
    if (found) return found.value;
  }
  return undefined;
}

/** The change request a review button decides on: its value is `<id>@r<revision>`. */
export const crIdOf = (value: string | undefined) => (value ?? '').split('@')[0] as string;

export const thread = (ts: string) =>
  slack.messages.filter((m) => m.channel === TEAM_CHANNEL && m.thread_ts === ts);
export const idle = () => t.app.slack.bot.idle();

/** Dana writes `text` in the team channel (or a DM): a new message, or a reply in `threadTs`; waits for the bot. */
export async function write(
  text: string,
  options: { type?: 'app_mention' | 'message'; channel?: string; threadTs?: string } = {},
): Promise<{ ts: string; status: number }> {
  const ts = nextTs();
  const channel = options.channel ?? TEAM_CHANNEL;
  const response = await event({
    type: options.type ?? 'message',
    user: 'UDEV',
    channel,
    channel_type: channel === TEAM_CHANNEL ? 'channel' : 'im',
    ts,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    text,
  });
  await idle();
  return { ts, status: response.statusCode };
}

export const mention = (text: string) => write(`<@UBOT> ${text}`, { type: 'app_mention' });

/** Dana clicks Submit on the proposal (the latest in the thread by default); returns the newest review message. */
export async function submit(root: string, proposal = thread(root).at(-1)) {
  const proposalId = buttonValue(proposal?.blocks, ACTIONS.submit) as string;
  await click('UDEV', ACTIONS.submit, proposalId, TEAM_CHANNEL, proposal?.ts as string, root);
  await idle();
  return slack.messages.filter((m) => m.channel === REVIEW_CHANNEL).at(-1);
}

/**
 * A Slack bot on a test app, wired to a Slack stand-in with two linked reviewers (one a policy admin): call
 * once at the top of a test file; `slack` and `t` are live from then on.
 */
export function useSlackBot(): void {
  beforeAll(async () => {
    slack = await startSlackStandIn();
    slack.users.set('UDEV', { name: 'dana', real_name: 'Dana Developer' });
    t = await createTestApp({
      config: {
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_API_URL: slack.url,
        SLACK_REVIEW_CHANNEL: REVIEW_CHANNEL,
        SLACK_CHANNEL_TEAMS: `${TEAM_CHANNEL}=payments`,
      },
      overrides: { slack: { retry: { retries: 1, minTimeout: 10, maxTimeout: 20 }, outboxRetryBaseMs: 10 } },
    });
    // Two infra reviewers (no team: they review every team), one of them a policy admin, linked by an admin.
    const admin = await t.createAdmin();
    for (const [slackId, roles] of [
      ['UREVIEW', ['reviewer']],
      ['UPOLICY', ['reviewer', 'policy_admin']],
    ] as const) {
      const reviewer = await t.createUser({ name: slackId.toLowerCase(), roles: [...roles] });
      const linked = await t.app.inject({
        method: 'PUT',
        url: `/v1/slack/users/${slackId}`,
        headers: admin.headers,
        payload: { userId: reviewer.user.id },
      });
      expect(linked.statusCode).toBe(204);
    }
  });

  afterAll(async () => {
    await t.close();
    await slack.close();
  });

  beforeEach(() => {
    slack.calls.length = 0;
  });
}
