import { describe, expect, it } from 'vitest';
import { signSlackRequest } from '../../src/slack/verify-slack-signature.ts';
import { createTestApp } from '../support/test-app.ts';
import {
  event,
  idle,
  nextTs,
  SECRET,
  send,
  slack,
  t,
  TEAM_CHANNEL,
  useSlackBot,
} from './slack-bot-harness.ts';

useSlackBot();

describe('Slack requests that must change nothing', () => {
  const conversations = async () =>
    (await t.app.db.selectFrom('slack_threads').select('conversation_id').execute()).length;

  it('refuses bad signatures and stale timestamps with 401', async () => {
    const before = await conversations();
    const body = JSON.stringify({
      type: 'event_callback',
      event_id: 'EvBAD',
      event: { type: 'app_mention', user: 'UDEV', channel: TEAM_CHANNEL, ts: nextTs(), text: 'a queue' },
    });
    const now = String(Math.floor(Date.now() / 1000));
    const forged = await t.app.inject({
      method: 'POST',
      url: '/slack/events',
      payload: body,
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': now,
        'x-slack-signature': signSlackRequest('wrong-secret', now, body),
      },
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.headers['content-type']).toContain('application/problem+json');
    expect(forged.json().type).toMatch(/slack-signature-invalid$/);
    const old = String(Math.floor(Date.now() / 1000) - 600);
    const stale = await t.app.inject({
      method: 'POST',
      url: '/slack/events',
      payload: body,
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': old,
        'x-slack-signature': signSlackRequest(SECRET, old, body),
      },
    });
    expect(stale.statusCode).toBe(401);
    expect(stale.json().reason).toBe('stale-timestamp');
    const unsigned = await t.app.inject({
      method: 'POST',
      url: '/slack/commands',
      payload: 'command=%2Finfra&text=help',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(unsigned.statusCode).toBe(401);
    await idle();
    expect(await conversations()).toBe(before);
  });

  it('handles a retried or duplicated event once', async () => {
    const before = slack.messages.length;
    const ts = nextTs();
    const ev = {
      type: 'app_mention',
      user: 'UDEV',
      channel: TEAM_CHANNEL,
      channel_type: 'channel',
      ts,
      text: '<@UBOT> a queue, dev',
    };
    const body = JSON.stringify({ type: 'event_callback', event_id: 'EvDUPLICATE1', event: ev });
    expect((await send('/slack/events', body, 'application/json')).statusCode).toBe(200);
    expect(
      (
        await send('/slack/events', body, 'application/json', {
          'x-slack-retry-num': '1',
          'x-slack-retry-reason': 'http_timeout',
        })
      ).statusCode,
    ).toBe(200);
    // The same Slack message as a plain message event (Slack sends both for a mention): still once.
    await event({ ...ev, type: 'message' }, 'EvDUPLICATE2');
    await idle();
    expect(slack.messages.length - before).toBe(1);
  });

  it('answers malformed payloads with 400 naming the problem, and changes nothing', async () => {
    const before = await conversations();
    const notJson = await send('/slack/events', '{"type": "event_callback", ', 'application/json');
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().type).toMatch(/slack-payload-invalid$/);
    const noId = await send(
      '/slack/events',
      JSON.stringify({ type: 'event_callback', event: { type: 'app_mention' } }),
      'application/json',
    );
    expect(noId.statusCode).toBe(400);
    expect(JSON.stringify(noId.json().errors)).toContain('event_id');
    const noPayload = await send('/slack/interactions', 'foo=bar', 'application/x-www-form-urlencoded');
    expect(noPayload.statusCode).toBe(400);
    const badCommand = await send(
      '/slack/commands',
      'command=%2Finfra&text=a+queue',
      'application/x-www-form-urlencoded',
    );
    expect(badCommand.statusCode).toBe(400);
    expect(JSON.stringify(badCommand.json().errors)).toContain('user_id');
    await idle();
    expect(await conversations()).toBe(before);
  });

  it('ignores its own and other bots’ messages', async () => {
    const before = slack.messages.length;
    await event({
      type: 'message',
      bot_id: 'BBOT',
      user: 'UBOT',
      channel: 'DDM',
      channel_type: 'im',
      ts: nextTs(),
      text: 'a queue',
    });
    await event({
      type: 'message',
      subtype: 'bot_message',
      bot_id: 'BOTHER',
      channel: 'DDM',
      channel_type: 'im',
      ts: nextTs(),
      text: 'a queue',
    });
    await idle();
    expect(slack.messages.length).toBe(before);
  });

  it('echoes the url_verification challenge', async () => {
    const res = await send(
      '/slack/events',
      JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' }),
      'application/json',
    );
    expect(res.json()).toEqual({ challenge: 'abc123' });
  });
});

describe('Slack routes without a signing secret', () => {
  it('do not exist (404)', async () => {
    const plain = await createTestApp();
    try {
      const res = await plain.app.inject({
        method: 'POST',
        url: '/slack/events',
        payload: '{}',
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
