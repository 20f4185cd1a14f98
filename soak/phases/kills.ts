/**
 * SIGKILL during a turn, an approval, an apply and a Slack event, `times` each, alternating the victim and
 * restarting it. A client retries what it did not get an answer to (with the same Idempotency-Key, or as
 * Slack redelivers); afterwards nothing acknowledged is lost and nothing is done twice.
 */
import { sql } from 'kysely';
import { doubled, lost, type SoakContext } from '../soak-context.ts';
import type { Answer, SoakReplica } from '../soak-client.ts';
import { awaitApplying, changeRequest, checkApplied, openChangeRequest } from './change-flow.ts';
import { checkAnsweredOnce, mentionBody, nextTs, sendSlack, slackSettled } from './slack.ts';

export interface KillFigures {
  kills: number;
}

/** Starts `request`, SIGKILLs the victim a few hundred milliseconds in, and returns what the client saw. */
async function killDuring(
  ctx: SoakContext,
  victim: SoakReplica,
  request: () => Promise<Answer>,
): Promise<Answer> {
  const pending = request();
  await new Promise((resolve) => setTimeout(resolve, Math.floor(ctx.rng() * 200)));
  await victim.kill?.();
  return pending;
}

/** Retries on the other replica until it answers (a client whose replica died). */
async function retry(other: SoakReplica, send: (r: SoakReplica) => Promise<Answer>): Promise<Answer> {
  for (let i = 0; ; i++) {
    const answer = await send(other);
    if (answer.status !== 0 || i >= 5) return answer;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function turnKill(ctx: SoakContext, victim: SoakReplica, other: SoakReplica, k: number): Promise<void> {
  const created = await ctx.client.call(other, 'POST', '/v1/conversations', {
    token: ctx.people.developer,
    body: { team: 'payments', environment: 'dev', title: `kill turn ${k}` },
  });
  const id = (created.body as { id: string }).id;
  const text = `an SQS queue and a Lambda consumer, round ${k}`;
  const answer = await killDuring(ctx, victim, () =>
    ctx.client.call(victim, 'POST', `/v1/conversations/${id}/messages`, {
      token: ctx.people.developer,
      body: { text },
    }),
  );
  const turns = await sql<{
    n: number;
  }>`select count(*)::int as n from conversation_turns where conversation_id = ${id} and message = ${text}`.execute(
    ctx.db,
  );
  const n = turns.rows[0]?.n ?? 0;
  if (answer.status === 200 && n === 0) lost(ctx, `turn answered 200 but not stored (round ${k})`);
  if (n > 1) doubled(ctx, `turn stored ${n} times (round ${k})`);
}

async function approvalKill(
  ctx: SoakContext,
  victim: SoakReplica,
  other: SoakReplica,
  k: number,
): Promise<void> {
  const id = await openChangeRequest(ctx, `kill approval ${k}`);
  if (!id) return;
  const key = `kill-approve-${id}`;
  const send = (r: SoakReplica) =>
    ctx.client.call(r, 'POST', `/v1/change-requests/${id}/approve`, {
      token: ctx.people.reviewer,
      body: {},
      headers: { 'idempotency-key': key },
    });
  const first = await killDuring(ctx, victim, () => send(victim));
  if (first.status === 0) await retry(other, send);
  const cr = await changeRequest(ctx, id);
  if (cr?.state !== 'approved') lost(ctx, `approval of ${id} (state ${cr?.state})`);
  if ((cr?.approvals.records.length ?? 0) > 1)
    doubled(ctx, `approval of ${id} recorded ${cr?.approvals.records.length} times`);
}

async function applyKill(
  ctx: SoakContext,
  victim: SoakReplica,
  other: SoakReplica,
  k: number,
): Promise<void> {
  const id = await openChangeRequest(ctx, `kill apply ${k}`);
  if (!id) return;
  await ctx.client.call(other, 'POST', `/v1/change-requests/${id}/approve`, {
    token: ctx.people.reviewer,
    body: {},
  });
  const key = `kill-apply-${id}`;
  const send = (r: SoakReplica) =>
    ctx.client.call(r, 'POST', `/v1/change-requests/${id}/apply`, {
      token: ctx.people.reviewer,
      body: {},
      headers: { 'idempotency-key': key },
    });
  const first = await killDuring(ctx, victim, () => send(victim));
  const again = first.status === 0 ? await retry(other, send) : first;
  if (again.status >= 400)
    ctx.tally.notes.push(`kill apply ${k}: apply answered ${again.status} ${again.text.slice(0, 160)}`);
  await awaitApplying(ctx, id, 60_000);
  await ctx.client.call(other, 'POST', `/v1/change-requests/${id}/mark-applied`, {
    token: ctx.people.reviewer,
    body: {},
  });
  await checkApplied(ctx, id, `kill apply ${k}`);
}

async function slackKill(
  ctx: SoakContext,
  victim: SoakReplica,
  other: SoakReplica,
  k: number,
): Promise<void> {
  const ts = nextTs();
  const body = mentionBody(
    ctx,
    `EvKill${ts.replace('.', '')}`,
    ts,
    'USOAKER',
    `a DynamoDB table for round ${k}, dev`,
  );
  const first = await killDuring(ctx, victim, () =>
    sendSlack(ctx, victim, '/slack/events', body, 'application/json'),
  );
  // Slack redelivers what was not answered with a 2xx.
  if (first.status !== 200)
    await retry(other, (r) => sendSlack(ctx, r, '/slack/events', body, 'application/json', 1));
  await victim.start?.();
  await slackSettled(ctx, 60_000);
  checkAnsweredOnce(ctx, ts, `Slack event killed mid-work (round ${k})`);
}

const KINDS = { turn: turnKill, approval: approvalKill, apply: applyKill, slack: slackKill } as const;

export async function killRounds(ctx: SoakContext, times: number): Promise<KillFigures> {
  const figures: KillFigures = { kills: 0 };
  const [a, b] = ctx.client.replicas;
  if (!a?.kill || !b?.kill) return figures;
  for (let k = 0; k < times; k++) {
    for (const work of Object.values(KINDS)) {
      const victim = figures.kills % 2 === 0 ? a : b;
      const other = victim === a ? b : a;
      await work(ctx, victim, other, k);
      if (!victim.running) await victim.start?.();
      victim.restarts += 1;
      figures.kills += 1;
    }
  }
  return figures;
}
