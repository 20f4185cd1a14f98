/**
 * The soak: fuzz, races, Slack replays and kills against replicas sharing one PostgreSQL, then the figures a
 * person checks (requests, 5xx, crashes, slow, lost, doubled, stuck, RSS peak per replica) and whether the
 * run passed. `soak/run.ts` runs it on real processes (`npm run soak`); the test suite runs a short one on
 * in-process replicas (no kills there).
 */
import { sql } from 'kysely';
import { random } from './fuzz-inputs.ts';
import { fuzzMessages, fuzzTemplates } from './phases/fuzz.ts';
import { killRounds } from './phases/kills.ts';
import { raceRounds } from './phases/races.ts';
import { newcomerCommands, replayDeliveries } from './phases/slack.ts';
import { SoakClient, type SoakReplica } from './soak-client.ts';
import type { SoakContext, SoakPeople } from './soak-context.ts';

export interface SoakCounts {
  templates: number;
  messages: number;
  races: number;
  deliveries: number;
  newcomerCommands: number;
  /** Kills of each kind (turn, approval, apply, Slack event); process replicas only. */
  kills: number;
  seed: number;
}

export const FULL: SoakCounts = {
  templates: 3_000,
  messages: 1_000,
  races: 50,
  deliveries: 160,
  newcomerCommands: 5,
  kills: 6,
  seed: 13,
};

export interface SoakReport {
  ok: boolean;
  lines: string[];
}

export type SoakSetup = Omit<SoakContext, 'client' | 'people' | 'rng' | 'tally'> & {
  replicas: SoakReplica[];
  adminToken: string;
};

async function person(
  client: SoakClient,
  adminToken: string,
  name: string,
  roles: string[],
): Promise<string> {
  const replica = client.any();
  const created = await client.call(replica, 'POST', '/v1/admin/users', {
    token: adminToken,
    body: { name, roles, teams: ['payments'] },
  });
  if (created.status !== 201) throw new Error(`could not create ${name}: ${created.status} ${created.text}`);
  const issued = await client.call(
    replica,
    'POST',
    `/v1/admin/users/${(created.body as { id: string }).id}/tokens`,
    {
      token: adminToken,
      body: {},
    },
  );
  return (issued.body as { token: string }).token;
}

async function timed<T>(phases: string[], name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  phases.push(`${name} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function stuck(ctx: SoakContext): Promise<number> {
  const jobs = await sql<{
    n: number;
  }>`select count(*)::int as n from slack_jobs where state <> 'done'`.execute(ctx.db);
  const applying = await sql<{
    n: number;
  }>`select count(*)::int as n from change_requests where state = 'applying'`.execute(ctx.db);
  return (jobs.rows[0]?.n ?? 0) + (applying.rows[0]?.n ?? 0);
}

export async function runSoak(setup: SoakSetup, counts: SoakCounts): Promise<SoakReport> {
  const client = new SoakClient(setup.replicas);
  const suffix = Date.now().toString(36);
  const people: SoakPeople = {
    admin: setup.adminToken,
    developer: await person(client, setup.adminToken, `soak-dev-${suffix}`, ['developer']),
    reviewer: await person(client, setup.adminToken, `soak-reviewer-${suffix}`, ['reviewer']),
    policyAdmin: await person(client, setup.adminToken, `soak-policy-${suffix}`, [
      'reviewer',
      'policy_admin',
    ]),
  };
  const ctx: SoakContext = {
    ...setup,
    client,
    people,
    rng: random(counts.seed),
    tally: { lost: 0, doubled: 0, notes: [] },
  };
  setup.slack.users.set('USOAKER', { name: 'soaker' });

  const phases: string[] = [];
  const fuzz = await timed(phases, `templates ${counts.templates}`, () =>
    fuzzTemplates(ctx, counts.templates),
  );
  await timed(phases, `messages ${counts.messages}`, () => fuzzMessages(ctx, counts.messages));
  await timed(phases, `races ${counts.races}`, () => raceRounds(ctx, counts.races));
  await timed(phases, `Slack deliveries ${counts.deliveries}`, () =>
    replayDeliveries(ctx, counts.deliveries),
  );
  await timed(phases, `new-user commands ${counts.newcomerCommands}`, () =>
    newcomerCommands(ctx, counts.newcomerCommands),
  );
  const kills = await timed(phases, `kills ${counts.kills}×4`, () => killRounds(ctx, counts.kills));
  const stuckCount = await stuck(ctx);

  const crashes = setup.replicas.reduce((n, r) => n + r.crashes, 0);
  const { lost, doubled, notes } = ctx.tally;
  const deepOk = fuzz.deepNot400 === 0;
  const ok = crashes === 0 && client.fiveXx === 0 && lost === 0 && doubled === 0 && deepOk;
  const lines = [
    `requests ${client.requests}, 5xx ${client.fiveXx}, crashes ${crashes}, slow (> 5 s) ${client.slow}, lost ${lost}, doubled ${doubled}, stuck ${stuckCount}`,
    `over-deep or oversized template texts ${fuzz.deepTexts}: ${fuzz.deepTexts - fuzz.deepNot400} answered 400, median ${fuzz.deepMedianMs} ms, slowest ${fuzz.deepSlowestMs} ms`,
    ...setup.replicas.map(
      (r) =>
        `${r.name}: RSS peak ${r.rssPeakMb > 0 ? `${r.rssPeakMb} MB` : 'n/a (in process)'}, killed and restarted ${r.restarts}`,
    ),
    `kills ${kills.kills}; requests refused by a replica being killed ${client.refused}`,
    `phases: ${phases.join('; ')}`,
    ...client.samples.map((s) => `5xx: ${s}`),
    ...client.slowSamples.map((s) => `slow: ${s}`),
    ...notes,
    ok ? 'soak passed' : 'soak FAILED',
  ];
  return { ok, lines };
}
