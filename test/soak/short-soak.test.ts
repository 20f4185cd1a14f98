/**
 * The soak in miniature, on every test run: two in-process replicas on one store, the Slack and
 * CloudFormation stand-ins, a few hundred requests of fuzz, races and Slack replays. No kills here (they
 * need processes: `npm run soak`); nothing may answer 5xx, be lost or be done twice.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Config } from '../../src/config/config.ts';
import { runSoak } from '../../soak/soak.ts';
import type { SoakReplica } from '../../soak/soak-client.ts';
import { type CfnStandIn, startCfnStandIn } from '../support/cfn-stand-in.ts';
import { type SlackStandIn, startSlackStandIn } from '../support/slack-stand-in.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const SECRET = randomBytes(12).toString('hex');
const ADMIN_TOKEN = randomBytes(24).toString('hex');
let slack: SlackStandIn;
let cfn: CfnStandIn;
const apps: TestApp[] = [];
const replicas: SoakReplica[] = [];

beforeAll(async () => {
  slack = await startSlackStandIn();
  cfn = await startCfnStandIn();
  const config: Partial<Config> = {
    COPILOT_ADMIN_TOKEN: ADMIN_TOKEN,
    PLANNER: 'embedded',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: 'xoxb-short-soak',
    SLACK_API_URL: slack.url,
    SLACK_CHANNEL_TEAMS: 'CSOAK=payments',
    SLACK_JOB_LEASE_MS: 5_000,
    SLACK_JOB_INTERVAL_MS: 300,
    AWS_REGION: 'us-east-1',
    CFN_ENDPOINT: cfn.url,
    APPLY_MODE: 'changeset',
    APPLY_POLL_MS: 50,
  };
  process.env.AWS_ACCESS_KEY_ID ??= 'AKIASOAKSTANDIN00000';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'soak-stand-in-secret';
  const first = await createTestApp({ config });
  apps.push(first, await createTestApp({ config, shareWith: first }));
  for (const [i, t] of apps.entries()) {
    const url = await t.app.listen({ host: '127.0.0.1', port: 0 });
    replicas.push({ name: `in-process-${i + 1}`, url, running: true, rssPeakMb: 0, crashes: 0, restarts: 0 });
  }
}, 60_000);

afterAll(async () => {
  for (const t of apps.reverse()) await t.close();
  await slack.close();
  await cfn.close();
});

it('passes a short soak: no 5xx, nothing lost or doubled, over-deep text refused', async () => {
  const report = await runSoak(
    {
      replicas,
      adminToken: ADMIN_TOKEN,
      db: (apps[0] as TestApp).app.db,
      slack,
      cfn,
      signingSecret: SECRET,
      slackChannel: 'CSOAK',
    },
    { templates: 100, messages: 20, races: 2, deliveries: 16, newcomerCommands: 3, kills: 0, seed: 7 },
  );
  expect(report.lines.join('\n')).toContain('over-deep or oversized template texts 1: 1 answered 400');
  expect(report.ok, report.lines.join('\n')).toBe(true);
}, 120_000);
