/**
 * Secrets typed into chat are redacted where the text enters: only the redacted text is stored, returned to
 * the team, reposted by /infra and logged; the Slack client logs no request bodies (issue 13, item 5).
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackStandIn, startSlackStandIn } from '../support/slack-stand-in.ts';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';
import { commandForm, FORM, signedSlack } from './support/signed-slack.ts';

const SECRET = 'hardening-secrets-signing-secret';
const CHANNEL = 'CSECRETS';
const GITHUB_TOKEN = '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';
const SLACK_TOKEN = 'xoxb-1234567890-1234567890123-abcdefghijklmnopqrstuvwx';
const DB_URL_PASSWORD = 'S3cretPa55word';
const TYPED_PASSWORD = 'hunter2hunter2';
const AWS_KEY_ID = 'AKIAZ3MHALQXKD7RTWPB';
const secrets = [GITHUB_TOKEN, SLACK_TOKEN, DB_URL_PASSWORD, TYPED_PASSWORD, AWS_KEY_ID];
const message =
  `an SQS queue, dev. Our deploy token is ${GITHUB_TOKEN} and the bot uses ${SLACK_TOKEN}; ` +
  `the db is postgres://app:${DB_URL_PASSWORD}@db.internal:5432/app, my password is ${TYPED_PASSWORD}, ` +
  `key ${AWS_KEY_ID}`;

let slack: SlackStandIn;
let t: TestApp;
let dev: TestUser;
const logLines: string[] = [];

beforeAll(async () => {
  slack = await startSlackStandIn();
  slack.users.set('USECRET', { name: 'sam' });
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  t = await createTestApp({
    config: {
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: slack.url,
      SLACK_CHANNEL_TEAMS: `${CHANNEL}=payments`,
    },
    logger: pino({ level: 'trace' }, sink),
  });
  dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
});
afterAll(async () => {
  await t.close();
  await slack.close();
});

function expectNoSecret(text: string, where: string): void {
  for (const secret of secrets) expect(text, `${where} holds ${secret}`).not.toContain(secret);
}

describe('secrets typed into chat', () => {
  it('are stored and shown redacted when they come over HTTP', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/conversations',
      headers: dev.headers,
      payload: { team: 'payments', environment: 'dev', title: `orders ${GITHUB_TOKEN}` },
    });
    const id = created.json().id as string;
    const turn = await t.app.inject({
      method: 'POST',
      url: `/v1/conversations/${id}/messages`,
      headers: dev.headers,
      payload: { text: message },
    });
    expect(turn.statusCode).toBe(200);
    expectNoSecret(turn.body, 'the turn answer');
    const shown = await t.app.inject({ method: 'GET', url: `/v1/conversations/${id}`, headers: dev.headers });
    expectNoSecret(shown.body, 'the conversation');
    expect(shown.json().turns[0].message).toContain('[redacted');
    expect(shown.json().turns[0].message).toContain('an SQS queue, dev');
    const rows = await t.app.db.selectFrom('conversation_turns').select('message').execute();
    expectNoSecret(JSON.stringify(rows), 'conversation_turns.message');
    const conversations = await t.app.db.selectFrom('conversations').selectAll().execute();
    expectNoSecret(JSON.stringify(conversations), 'conversations');
  });

  it('are redacted before /infra reposts the request, and never logged', async () => {
    const res = await signedSlack(
      t.app,
      SECRET,
      '/slack/commands',
      commandForm({ text: message, user_id: 'USECRET', channel_id: CHANNEL, trigger_id: 'trig-secret' }),
      FORM,
    );
    expect(res.statusCode).toBe(200);
    await t.app.slack.bot.idle();
    const posted = slack.callsOf('chat.postMessage');
    expect(posted.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(posted[0]?.args.text)).toContain('[redacted');
    expectNoSecret(JSON.stringify(slack.calls), 'what was posted to Slack');
    expectNoSecret(
      JSON.stringify(await t.app.db.selectFrom('conversation_turns').select('message').execute()),
      'conversation_turns.message',
    );
    const logs = logLines.join('');
    expect(logs).toContain('slack'); // the Slack client did log (at debug and trace)
    expect(logs).not.toMatch(/http request (body|result)/);
    expectNoSecret(logs, 'the logs');
  });
});
