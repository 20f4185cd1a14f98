/**
 * An acknowledged Slack event, command or click is not lost when its replica dies: the work is a job written
 * with the delivery claim; Slack's redelivery of the unfinished event resumes it on another replica, and any
 * replica picks up unfinished jobs on its own (issue 13, item 2). Needs PostgreSQL: replica A is a real
 * server process, SIGKILLed while it works; replica B is an app in this process on the same schema.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, Replica, schemaUrl } from '../../soak/replica.ts';
import { signSlackRequest } from '../../src/slack/verify-slack-signature.ts';
import { type SlackStandIn, startSlackStandIn } from '../support/slack-stand-in.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseUrl } from '../support/test-database.ts';
import { commandForm, FORM, JSON_TYPE, signedSlack } from './support/signed-slack.ts';

const SECRET = 'hardening-jobs-signing-secret';
const CHANNEL = 'CJOBS';
let slack: SlackStandIn;
let b: TestApp;
let a: Replica;

const slackConfig = (apiUrl: string) => ({
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_BOT_TOKEN: 'xoxb-test',
  SLACK_API_URL: apiUrl,
  SLACK_CHANNEL_TEAMS: `${CHANNEL}=payments`,
  SLACK_JOB_LEASE_MS: 1_000,
  SLACK_JOB_INTERVAL_MS: 200,
});

beforeAll(async () => {
  if (!testDatabaseUrl) return;
  slack = await startSlackStandIn();
  slack.users.set('UJOB', { name: 'jobs-person' });
  b = await createTestApp({ config: slackConfig(slack.url) });
  const env: Record<string, string> = { DATABASE_URL: schemaUrl(testDatabaseUrl, b.schema), LOG_LEVEL: 'warn' };
  for (const [key, value] of Object.entries(slackConfig(slack.url))) env[key] = String(value);
  a = new Replica('replica-a', await freePort(), env);
  await a.start();
}, 90_000);
afterAll(async () => {
  await a?.kill();
  await b?.close();
  await slack?.close();
});

/** Sends a signed request to the replica process A over HTTP. */
async function sendToA(path: string, body: string, contentType: string): Promise<number> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const res = await fetch(`${a.url}${path}`, {
    method: 'POST',
    body,
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': signSlackRequest(SECRET, timestamp, body),
    },
  });
  return res.status;
}

const mention = (eventId: string, ts: string, text: string) =>
  JSON.stringify({
    type: 'event_callback',
    event_id: eventId,
    event: { type: 'app_mention', user: 'UJOB', channel: CHANNEL, channel_type: 'channel', ts, text },
  });

const repliesIn = (ts: string) => slack.messages.filter((m) => m.channel === CHANNEL && m.thread_ts === ts);

async function until(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.runIf(testDatabaseUrl)('Slack work survives the replica that acknowledged it', () => {
  it('resumes an event on the redelivery after A died working on it, and answers it once', async () => {
    // A acknowledges, then hangs on Slack (users.info) and is killed: the turn never ran there.
    slack.holdNext('users.info', 60_000);
    const body = mention('EvJOB1', '1800000100.000100', '<@UBOT> an SQS queue, dev');
    expect(await sendToA('/slack/events', body, JSON_TYPE)).toBe(200);
    await until(() => slack.callsOf('users.info').length > 0);
    await a.kill();
    expect(repliesIn('1800000100.000100')).toHaveLength(0);

    // Slack redelivers (X-Slack-Retry-Num 1) to B once A's lease is over: B finishes it.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const retried = await signedSlack(b.app, SECRET, '/slack/events', body, JSON_TYPE, { 'x-slack-retry-num': '1' });
    expect(retried.statusCode).toBe(200);
    await b.app.slack.bot.idle();
    await until(() => repliesIn('1800000100.000100').length > 0);
    const again = await signedSlack(b.app, SECRET, '/slack/events', body, JSON_TYPE, { 'x-slack-retry-num': '2' });
    expect(again.statusCode).toBe(200);
    await b.app.slack.bot.idle();
    expect(repliesIn('1800000100.000100')).toHaveLength(1);
    expect(JSON.stringify(repliesIn('1800000100.000100')[0]?.blocks)).toContain('(queue)');
  }, 60_000);

  it('lets another replica pick up a command A acknowledged and died on, without any redelivery', async () => {
    await a.start();
    // A acknowledges, then hangs posting the request into the channel, and is killed.
    const posts = slack.callsOf('chat.postMessage').length;
    slack.holdNext('chat.postMessage', 60_000);
    const form = commandForm({ text: 'a DynamoDB table, dev', user_id: 'UJOB', channel_id: CHANNEL, trigger_id: 'trig-job-2' });
    expect(await sendToA('/slack/commands', form, FORM)).toBe(200);
    await until(() => slack.callsOf('chat.postMessage').length > posts);
    await a.kill();
    // B's poller takes the job once the lease lapses; the command is answered in a new thread, once.
    await until(async () => {
      const rows = await sql<{ state: string }>`select state from slack_jobs where key = 'command:trig-job-2'`.execute(b.app.db);
      return rows.rows[0]?.state === 'done';
    });
    await b.app.slack.bot.idle();
    const openers = slack.messages.filter((m) => m.channel === CHANNEL && !m.thread_ts && m.text?.includes('DynamoDB'));
    expect(openers).toHaveLength(1);
    expect(JSON.stringify(repliesIn(openers[0]?.ts as string)[0]?.blocks)).toContain('(kv_table)');
  }, 60_000);
});
