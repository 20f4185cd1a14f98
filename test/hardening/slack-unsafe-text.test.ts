/** A NUL or an unpaired surrogate in a Slack event id, message or command field is a 400 naming the field (item 4). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackStandIn, startSlackStandIn } from '../support/slack-stand-in.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { commandForm, FORM, JSON_TYPE, signedSlack } from './support/signed-slack.ts';

const SECRET = 'hardening-unsafe-text-secret';
let slack: SlackStandIn;
let t: TestApp;

beforeAll(async () => {
  slack = await startSlackStandIn();
  t = await createTestApp({
    config: { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: slack.url },
  });
});
afterAll(async () => {
  await t.close();
  await slack.close();
});

const event = (eventId: string, text: string) =>
  JSON.stringify({
    type: 'event_callback',
    event_id: eventId,
    event: { type: 'app_mention', user: 'UNUL', channel: 'CNUL', ts: '1800000001.000100', text },
  });

describe('Slack input the store cannot keep', () => {
  it('is refused with 400 naming the field, and nothing is done', async () => {
    const cases: [string, string, string, string][] = [
      ['/slack/events', event('Ev\u0000NUL', 'a queue'), JSON_TYPE, 'event_id'],
      ['/slack/events', event('EvNUL2', 'a queue\u0000'), JSON_TYPE, 'event.text'],
      ['/slack/events', event('EvNUL3', 'a queue \ud83d'), JSON_TYPE, 'event.text'],
      [
        '/slack/commands',
        commandForm({ text: 'a queue\u0000', user_id: 'UNUL', channel_id: 'CNUL', trigger_id: 't-nul' }),
        FORM,
        'text',
      ],
      [
        '/slack/commands',
        commandForm({ text: 'a queue', user_id: 'U\u0000', channel_id: 'CNUL', trigger_id: 't-nul2' }),
        FORM,
        'user_id',
      ],
    ];
    for (const [path, body, type, field] of cases) {
      const res = await signedSlack(t.app, SECRET, path, body, type);
      expect({ path, field, status: res.statusCode }).toEqual({ path, field, status: 400 });
      expect(res.json().type).toBe('https://infra-copilot.dev/problems/slack-payload-invalid');
      expect(res.json().errors[0].path).toBe(field);
    }
    await t.app.slack.bot.idle();
    expect(slack.callsOf('chat.postMessage')).toEqual([]);
  });
});
