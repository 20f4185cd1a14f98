/** Change requests for the soak: a fresh proposal on its own stack, and what the store says happened. */
import { sql } from 'kysely';
import { doubled, lost, type SoakContext, until } from '../soak-context.ts';

let stacks = 0;

interface Proposed {
  id: string;
}

/** A conversation whose one message proposes a bucket on a stack of its own. */
export async function freshProposal(ctx: SoakContext, label: string): Promise<string | null> {
  stacks += 1;
  const replica = ctx.client.any();
  const created = await ctx.client.call(replica, 'POST', '/v1/conversations', {
    token: ctx.people.developer,
    body: { team: 'payments', environment: 'dev', title: `${label} ${stacks} ${Date.now() % 100_000}` },
  });
  if (created.status !== 201) return null;
  const id = (created.body as { id: string }).id;
  const turn = await ctx.client.call(ctx.client.any(), 'POST', `/v1/conversations/${id}/messages`, {
    token: ctx.people.developer,
    body: { text: 'an S3 bucket with versioning, dev' },
  });
  if (turn.status !== 200) return null;
  return (turn.body as { proposal: Proposed | null }).proposal?.id ?? null;
}

/** Opens a change request from a fresh proposal; null (noted) when the flow could not get there. */
export async function openChangeRequest(ctx: SoakContext, label: string): Promise<string | null> {
  const proposalId = await freshProposal(ctx, label);
  if (!proposalId) {
    ctx.tally.notes.push(`${label}: no proposal`);
    return null;
  }
  const res = await ctx.client.call(ctx.client.any(), 'POST', '/v1/change-requests', {
    token: ctx.people.developer,
    body: { proposalId },
    headers: { 'idempotency-key': `create-${proposalId}` },
  });
  if (res.status !== 201 && res.status !== 200) {
    ctx.tally.notes.push(`${label}: create answered ${res.status}`);
    return null;
  }
  return (res.body as { id: string }).id;
}

export interface ChangeRequestView {
  state: string;
  stackName: string;
  apply?: { status: string } | null;
  approvals: { records: unknown[] };
}

export async function changeRequest(ctx: SoakContext, id: string): Promise<ChangeRequestView | null> {
  const res = await ctx.client.call(ctx.client.any(), 'GET', `/v1/change-requests/${id}`, {
    token: ctx.people.reviewer,
  });
  if (res.status !== 200)
    ctx.tally.notes.push(`GET change request ${id}: ${res.status} ${res.text.slice(0, 120)}`);
  return res.status === 200 ? (res.body as ChangeRequestView) : null;
}

/** Waits for the apply to reach the point where a reviewer records the result (or for the request to end). */
export async function awaitApplying(
  ctx: SoakContext,
  id: string,
  timeoutMs: number,
): Promise<ChangeRequestView | null> {
  let last: ChangeRequestView | null = null;
  await until(async () => {
    last = await changeRequest(ctx, id);
    const status = last?.apply?.status ?? '';
    return last?.state !== 'applying' || /changeset_created|exported/.test(status);
  }, timeoutMs);
  return last;
}

/** Checks one request ended applied, with one apply attempt and one new baseline for its stack. */
export async function checkApplied(ctx: SoakContext, id: string, label: string): Promise<void> {
  const cr = await changeRequest(ctx, id);
  if (cr?.state !== 'applied') lost(ctx, `${label}: change request ${id} is ${cr?.state ?? 'missing'}`);
  const attempts = await sql<{
    n: number;
  }>`select count(*)::int as n from apply_attempts where change_request_id = ${id}`.execute(ctx.db);
  if ((attempts.rows[0]?.n ?? 0) > 1)
    doubled(ctx, `${label}: ${attempts.rows[0]?.n} apply attempts for ${id}`);
  if (cr) {
    const baselines = await sql<{
      n: number;
    }>`select count(*)::int as n from stack_baselines where stack_name = ${cr.stackName}`.execute(ctx.db);
    if ((baselines.rows[0]?.n ?? 0) > 1)
      doubled(ctx, `${label}: ${baselines.rows[0]?.n} baselines for ${cr.stackName}`);
  }
}
