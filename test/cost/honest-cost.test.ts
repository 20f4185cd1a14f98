/**
 * Honest cost, end to end through the HTTP API: raising an instance class never lowers the estimate, and a
 * class without a price makes the cost unknown (named in the reply, the proposal, the diff and the change
 * request's risk), never a lower number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';

let t: TestApp;
let dev: TestUser;

interface Turn {
  reply: string;
  proposal: {
    id: string;
    cost: { monthlyTotal: number | null; pricedTotal: number; unpriced: string[] } | null;
    diff: { cost: { monthlyAfter: number | null; monthlyDelta: number | null } | null };
    findings: Array<{ ruleId: string; status: string; message: string }>;
  };
}

beforeAll(async () => {
  t = await createTestApp();
  dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
});
afterAll(() => t.close());

async function conversation(title: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/v1/conversations',
    headers: dev.headers,
    payload: { team: 'payments', environment: 'prod', title },
  });
  return (res.json() as { id: string }).id;
}

async function say(id: string, text: string): Promise<Turn> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/v1/conversations/${id}/messages`,
    headers: dev.headers,
    payload: { text },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Turn;
}

describe('honest cost', () => {
  it('making the database bigger raises the estimate', async () => {
    const id = await conversation('orders');
    const before = await say(id, 'I need a Postgres database');
    const bigger = await say(id, 'make the db bigger: db.r6g.xlarge');
    expect(before.proposal.cost?.monthlyTotal).toBeGreaterThan(0);
    expect(bigger.proposal.cost?.unpriced).toEqual([]);
    expect(bigger.proposal.cost?.monthlyTotal).toBeGreaterThan(before.proposal.cost?.monthlyTotal as number);
  });

  it('a bigger cache node costs more', async () => {
    const id = await conversation('sessions');
    const before = await say(id, 'I need a Redis cache');
    const bigger = await say(id, 'use cache.r6g.xlarge for the cache');
    expect(bigger.proposal.cost?.monthlyTotal).toBeGreaterThan(before.proposal.cost?.monthlyTotal as number);
  });

  it('a class without a price (a typo that db.r6g.* admits) makes the cost unknown everywhere, and the change request high risk', async () => {
    const id = await conversation('ledger');
    await say(id, 'I need a Postgres database');
    const odd = await say(id, 'make the db bigger: db.r6g.huge');
    const cost = odd.proposal.cost;
    expect(cost?.monthlyTotal).toBeNull();
    expect(cost?.unpriced).toEqual([expect.stringContaining('db.r6g.huge')]);
    expect(odd.reply).toMatch(/Estimated cost: unknown \(no price for .*db\.r6g\.huge/);
    expect(odd.proposal.diff.cost).toMatchObject({ monthlyAfter: null, monthlyDelta: null });
    const budget = odd.proposal.findings.find((f) => f.ruleId === 'team-monthly-budget');
    expect(budget).toMatchObject({ status: 'unknown' });
    expect(budget?.message).toContain('db.r6g.huge');

    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/change-requests',
      headers: dev.headers,
      payload: { proposalId: odd.proposal.id },
    });
    expect(created.statusCode, created.body).toBe(201);
    const cr = created.json() as {
      risk: { level: string; reasons: Array<{ code: string; message: string }> };
    };
    expect(cr.risk.level).toBe('high');
    expect(cr.risk.reasons.find((r) => r.code === 'cost-unknown')?.message).toContain('db.r6g.huge');
  });
});
