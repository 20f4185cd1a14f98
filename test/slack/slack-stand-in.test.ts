import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackStandIn, startSlackStandIn } from '../support/slack-stand-in.ts';

describe('Slack Web API stand-in, driven by the real @slack/web-api client', () => {
  let slack: SlackStandIn;
  let client: WebClient;
  beforeAll(async () => {
    slack = await startSlackStandIn();
    client = new WebClient('xoxb-test', {
      slackApiUrl: slack.url,
      retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 20 },
    });
  });
  afterAll(() => slack.close());

  it('posts, threads and updates messages with blocks', async () => {
    const posted = await client.chat.postMessage({
      channel: 'C1',
      text: 'hello',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*hi*' } }],
    });
    await client.chat.postMessage({ channel: 'C1', text: 'in thread', thread_ts: posted.ts as string });
    await client.chat.update({ channel: 'C1', ts: posted.ts as string, text: 'edited' });
    const top = slack.messages.find((m) => m.ts === posted.ts);
    expect(top?.text).toBe('edited');
    expect(top?.updates).toBe(1);
    expect(top?.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: '*hi*' } }]);
    expect(slack.messages.filter((m) => m.thread_ts === posted.ts).map((m) => m.text)).toEqual(['in thread']);
    expect(slack.callsOf('chat.postMessage')[0]?.token).toBe('xoxb-test');
  });

  it('uploads a file through files.uploadV2', async () => {
    await client.files.uploadV2({
      channel_id: 'C1',
      thread_ts: '1.2',
      filename: 'template.yaml',
      content: 'Resources: {}\n',
    });
    expect(slack.uploads).toContainEqual({
      filename: 'template.yaml',
      content: 'Resources: {}\n',
      channel: 'C1',
      thread_ts: '1.2',
    });
  });

  it('makes the client wait out a 429 with Retry-After, then succeed', async () => {
    slack.failNext('chat.postEphemeral', { status: 429, retryAfter: 1 });
    const started = Date.now();
    const result = await client.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'only you' });
    expect(result.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(slack.callsOf('chat.postEphemeral')).toHaveLength(2);
  });
});
