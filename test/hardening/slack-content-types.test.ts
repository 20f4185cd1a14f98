/** Slack's endpoints take only what Slack sends: JSON events, form-encoded commands and interactions (item 7). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { commandForm, FORM, JSON_TYPE, signedSlack } from './support/signed-slack.ts';

const SECRET = 'hardening-content-type-secret';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ config: { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-test' } });
});
afterAll(() => t.close());

const verification = JSON.stringify({ type: 'url_verification', challenge: 'c1' });
const command = commandForm({ text: 'help', user_id: 'U1', channel_id: 'C1', trigger_id: 't1' });

describe('Slack routes and content types', () => {
  it('refuse a signed request with the wrong content type with 415 naming what is expected', async () => {
    const cases: [string, string, string, string][] = [
      ['/slack/events', verification, 'text/plain', JSON_TYPE],
      ['/slack/events', verification, FORM, JSON_TYPE],
      ['/slack/commands', command, JSON_TYPE, FORM],
      ['/slack/interactions', `payload=${encodeURIComponent('{}')}`, 'text/plain', FORM],
    ];
    for (const [path, body, sent, expected] of cases) {
      const res = await signedSlack(t.app, SECRET, path, body, sent);
      expect({ path, sent, status: res.statusCode }).toEqual({ path, sent, status: 415 });
      expect(res.json().type).toBe('https://infra-copilot.dev/problems/unsupported-media-type');
      expect(res.json().detail).toContain(expected);
    }
  });

  it('still answers 401 first to an unsigned request of any type', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/slack/commands',
      payload: '{}',
      headers: { 'content-type': JSON_TYPE },
    });
    expect(res.statusCode).toBe(401);
  });

  it('accept the right ones (a charset is fine)', async () => {
    const events = await signedSlack(
      t.app,
      SECRET,
      '/slack/events',
      verification,
      `${JSON_TYPE}; charset=utf-8`,
    );
    expect(events.json()).toEqual({ challenge: 'c1' });
    const help = await signedSlack(t.app, SECRET, '/slack/commands', command, FORM);
    expect(help.statusCode).toBe(200);
  });
});
