/**
 * `npm run soak [-- --templates=3000 --messages=1000 --races=50 --deliveries=160 --kills=6 --seed=13]`:
 * two replica processes on a fresh schema of the local PostgreSQL (SOAK_DATABASE_URL, else
 * TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test; loopback only), a Slack and a
 * CloudFormation stand-in on 127.0.0.1, then the soak (soak.ts). Bounded: it stops by itself, after at most
 * 40 minutes, cleans up, and exits 1 on any crash, 5xx, loss or double.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { migrate } from '../src/store/migrator.ts';
import { quoteIdent } from '../src/store/pglite-dialect.ts';
import { openStore } from '../src/store/store.ts';
import { startCfnStandIn } from '../test/support/cfn-stand-in.ts';
import { startSlackStandIn } from '../test/support/slack-stand-in.ts';
import { freePort, Replica, schemaUrl } from './replica.ts';
import { FULL, runSoak, type SoakCounts } from './soak.ts';

const LIMIT_MS = 40 * 60_000;

function counts(argv: string[]): SoakCounts {
  const out: SoakCounts = { ...FULL };
  for (const arg of argv) {
    const match = /^--([a-zA-Z]+)=(\d+)$/.exec(arg);
    if (!match || !((match[1] as string) in out)) throw new Error(`unknown argument ${arg}`);
    out[match[1] as keyof SoakCounts] = Number(match[2]);
  }
  return out;
}

async function main(): Promise<number> {
  const plan = counts(process.argv.slice(2));
  const databaseUrl =
    process.env.SOAK_DATABASE_URL ||
    process.env.TEST_DATABASE_URL ||
    'postgres://postgres@127.0.0.1:5432/test';
  const host = new URL(databaseUrl).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host))
    throw new Error(`the soak only talks to a database on this machine, not ${host}`);
  const schema = `soak_${randomBytes(4).toString('hex')}`;
  const store = await openStore({ databaseUrl, schema, poolSize: 4 });
  await migrate(store);
  const slack = await startSlackStandIn();
  const cfn = await startCfnStandIn();
  const signingSecret = randomBytes(16).toString('hex');
  const adminToken = randomBytes(24).toString('hex');
  const env: Record<string, string> = {
    DATABASE_URL: schemaUrl(databaseUrl, schema),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'soak-')),
    LOG_LEVEL: 'error',
    COPILOT_ADMIN_TOKEN: adminToken,
    BOOTSTRAP_TOKEN_FILE: 'false',
    RATE_LIMIT_MAX: '1000000',
    PLANNER: 'embedded',
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_BOT_TOKEN: 'xoxb-soak',
    SLACK_API_URL: slack.url,
    SLACK_CHANNEL_TEAMS: 'CSOAK=payments',
    SLACK_JOB_LEASE_MS: '5000',
    SLACK_JOB_INTERVAL_MS: '300',
    AWS_REGION: 'us-east-1',
    CFN_ENDPOINT: cfn.url,
    AWS_ACCESS_KEY_ID: 'AKIASOAKSTANDIN00000',
    AWS_SECRET_ACCESS_KEY: 'soak-stand-in-secret',
    APPLY_MODE: 'changeset',
    APPLY_POLL_MS: '50',
    APPLY_LEASE_MS: '2000',
  };
  const replicas = [
    new Replica('replica-a', await freePort(), env),
    new Replica('replica-b', await freePort(), env),
  ];
  const watchdog = setTimeout(() => {
    console.error(`soak: over ${LIMIT_MS / 60_000} minutes; stopping`);
    for (const r of replicas) void r.kill();
    process.exit(1);
  }, LIMIT_MS);
  watchdog.unref();
  try {
    for (const r of replicas) await r.start();
    console.log(
      `soak: 2 replicas on PostgreSQL (schema ${schema}), Slack and CloudFormation stand-ins; seed ${plan.seed}`,
    );
    const report = await runSoak(
      { replicas, adminToken, db: store.db, slack, cfn, signingSecret, slackChannel: 'CSOAK' },
      plan,
    );
    for (const line of report.lines) console.log(line);
    for (const r of replicas) if (r.crashes > 0) console.log(`${r.name} stderr: ${r.lastErrors.join(' | ')}`);
    return report.ok ? 0 : 1;
  } finally {
    clearTimeout(watchdog);
    await Promise.all(replicas.map((r) => r.stop()));
    await slack.close();
    await cfn.close();
    await sql.raw(`drop schema if exists ${quoteIdent(schema)} cascade`).execute(store.db);
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`soak: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
