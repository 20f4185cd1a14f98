/**
 * Five commands at once from a Slack user nobody has seen, and from two new people with the same Slack
 * name: every command is answered and each person is provisioned once (issue 13, item 3). The race is real
 * on PostgreSQL (TEST_DATABASE_URL), where the transactions overlap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackStandIn, startSlackStandIn } from '../support/slack-stand-in.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { commandForm, FORM, signedSlack } from './support/signed-slack.ts';

const SECRET = 'hardening-provisioning-secret';
const CHANNEL = 'CPROV';
let slack: SlackStandIn;
let t: TestApp;

beforeAll(async () => {
  slack = await startSlackStandIn();
  t = await createTestApp({
    config: {
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: slack.url,
      SLACK_CHANNEL_TEAMS: `${CHANNEL}=payments`,
    },
    overrides: { slack: { retry: { retries: 0, minTimeout: 10, maxTimeout: 20 }, outboxRetryBaseMs: 10 } },
  });
});
afterAll(async () => {
  await t.close();
  await slack.close();
});

const command = (user: string, n: number) =>
  signedSlack(
    t.app,
    SECRET,
    '/slack/commands',
    commandForm({
      text: `an SQS queue number ${n}, dev`,
      user_id: user,
      channel_id: CHANNEL,
      trigger_id: `trig-${user}-${n}`,
    }),
    FORM,
  );

const openers = (user: string) =>
  slack.messages.filter(
    (m) => m.channel === CHANNEL && !m.thread_ts && m.text?.startsWith(`<@${user}> asked`),
  );
const replies = (ts: string) => slack.messages.filter((m) => m.thread_ts === ts);

describe('provisioning a new Slack user', () => {
  it('answers five concurrent commands from a new user and provisions them once', async () => {
    slack.users.set('UNEW5', { name: 'newcomer', real_name: 'New Comer' });
    const answers = await Promise.all([1, 2, 3, 4, 5].map((n) => command('UNEW5', n)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    await t.app.slack.bot.idle();
    const threads = openers('UNEW5');
    expect(threads).toHaveLength(5);
    for (const opener of threads) expect(replies(opener.ts).length, opener.text).toBeGreaterThanOrEqual(1);
    const users = (await t.app.identity.listUsers()).filter((u) => u.name.startsWith('slack-newcomer'));
    expect(users.map((u) => u.name)).toEqual(['slack-newcomer']);
  });

  it('gives two new people with the same Slack name two users, and answers both', async () => {
    slack.users.set('UTWIN1', { name: 'twin' });
    slack.users.set('UTWIN2', { name: 'twin' });
    const answers = await Promise.all([command('UTWIN1', 1), command('UTWIN2', 1)]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    await t.app.slack.bot.idle();
    expect(openers('UTWIN1')).toHaveLength(1);
    expect(openers('UTWIN2')).toHaveLength(1);
    const twins = (await t.app.identity.listUsers()).filter((u) => u.name.startsWith('slack-twin'));
    expect(twins).toHaveLength(2);
  });
});
