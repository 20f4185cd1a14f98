import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';
import { submit } from './support/api.ts';
import { propose, warmUp } from './support/proposals.ts';

let t: TestApp;
let dev: TestUser;

beforeAll(async () => {
  // A low default threshold, and a team allowed to spend far more.
  t = await createTestApp({
    config: { RISK_COST_THRESHOLD_USD: 50, RISK_COST_THRESHOLD_BY_TEAM: 'search=100000' },
  });
  dev = await t.createUser({ roles: ['developer'], teams: ['payments', 'search'] });
  await warmUp(t, dev);
});
afterAll(() => t.close());

async function costReasons(team: string) {
  const p = await propose(t, dev, { team, environment: 'prod', app: 'ledger' }, 'I need a Postgres database');
  const delta = (p.proposal as unknown as { diff: { cost: { monthlyDelta: number } } }).diff.cost
    .monthlyDelta;
  const res = await submit(t, dev, { proposalId: p.proposalId });
  expect(res.status).toBe(201);
  return { delta, reasons: res.body.risk.reasons.filter((r) => r.code === 'cost-over-threshold') };
}

it('makes a change high risk when its monthly cost increase passes the team threshold', async () => {
  const { delta, reasons } = await costReasons('payments');
  expect(delta).toBeGreaterThan(50);
  expect(reasons).toEqual([
    {
      code: 'cost-over-threshold',
      message: `raises the monthly cost by ${delta.toFixed(2)} USD/month, over the team threshold of 50.00 USD/month`,
    },
  ]);
});

it("uses the team's own threshold when the policy sets one", async () => {
  const { reasons } = await costReasons('search');
  expect(reasons).toEqual([]);
});
