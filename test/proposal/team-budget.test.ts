/**
 * "Monthly cost per team under a budget", end to end through the HTTP API: the team's total is what it has
 * deployed (the current baselines of its other stacks: an applied one priced from the figure its change
 * request stored, an imported one estimated from its template) plus the proposal, which replaces its own
 * stack's baseline instead of adding to it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateTemplateCost } from '../../src/cost/estimate-template-cost.ts';
import type { Finding } from '../../src/guardrails/rule.ts';
import { act, submit } from '../change-requests/support/api.ts';
import { propose, say, startConversation, warmUp } from '../change-requests/support/proposals.ts';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';

const TEAM = 'ledger';
const DATABASE = 'I need a PostgreSQL database';

let t: TestApp;
let dev: TestUser;
let reviewer: TestUser;
let policyAdmin: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  dev = await t.createUser({ roles: ['developer'], teams: [TEAM] });
  reviewer = await t.createUser({ roles: ['reviewer'], teams: [TEAM] });
  policyAdmin = await t.createUser({ roles: ['policy_admin'] });
  await warmUp(t, dev);
}, 60_000);
afterAll(() => t.close());

type Proposed = {
  id: string;
  template: Record<string, unknown>;
  cost: { monthlyTotal: number } | null;
  findings: Finding[];
  stackName: string;
};

async function proposal(app: string, text = DATABASE): Promise<Proposed> {
  const p = await propose(t, dev, { team: TEAM, environment: 'dev', app }, text);
  return p.proposal as unknown as Proposed;
}

const budgetFinding = (p: Proposed) => p.findings.find((f) => f.ruleId === 'team-monthly-budget');

/** Deploys a proposal the way users do: submit, approve, apply (export) and mark applied. */
async function deploy(p: Proposed): Promise<void> {
  const created = await submit(t, dev, { proposalId: p.id });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  let approved = await act(t, reviewer, created.body.id, 'approve');
  if (approved.body.state !== 'approved') approved = await act(t, policyAdmin, created.body.id, 'approve');
  expect(approved.body.state, JSON.stringify(approved.body)).toBe('approved');
  const applied = await act(t, dev, created.body.id, 'apply');
  expect(applied.status, JSON.stringify(applied.body)).toBe(200);
  expect((await act(t, reviewer, created.body.id, 'mark-applied')).body.state).toBe('applied');
}

async function setTeamBudget(usd: number): Promise<void> {
  const current = await t.app.inject({
    method: 'GET',
    url: '/v1/policies/current',
    headers: policyAdmin.headers,
  });
  const { version, text } = current.json() as { version: number; text: string };
  const edited = text.replace(
    'defaultBudgetUsd: 5000',
    `defaultBudgetUsd: 5000\n      budgets:\n        ${TEAM}: ${usd}`,
  );
  expect(edited).not.toBe(text);
  const saved = await t.app.inject({
    method: 'PUT',
    url: '/v1/policies/current',
    headers: policyAdmin.headers,
    payload: { baseVersion: version, text: edited, message: `budget for ${TEAM}` },
  });
  expect(saved.statusCode, saved.body).toBe(200);
}

describe('team monthly budget across the team’s stacks', () => {
  let ordersCost = 0;
  let importedCost = 0;
  let importedStack = '';

  beforeAll(async () => {
    // Stack 1: applied through a change request (its stored cost figure counts).
    const orders = await proposal('orders');
    expect(orders.cost, 'the database is priced').not.toBeNull();
    ordersCost = orders.cost?.monthlyTotal ?? 0;
    expect(ordersCost).toBeGreaterThan(0);
    expect(budgetFinding(orders)?.status ?? 'pass').not.toBe('fail');
    await deploy(orders);

    // Stack 2: imported from a template with one resource the price table does not know.
    const cache = await proposal('cachegen', 'I need a Redis cache');
    const template = structuredClone(cache.template as unknown as { Resources: Record<string, unknown> });
    template.Resources.Mystery = { Type: 'AWS::Mystery::Thing', Properties: {} };
    importedStack = `${TEAM}-sessions-dev`;
    const imported = await t.app.inject({
      method: 'POST',
      url: `/v1/stacks/${importedStack}/baseline/import`,
      headers: reviewer.headers,
      payload: { team: TEAM, app: 'sessions', environment: 'dev', template },
    });
    expect(imported.statusCode, imported.body).toBe(201);
    importedCost = estimateTemplateCost(template, 'us-east-1').total;
    expect(importedCost).toBeGreaterThan(0);

    // Room for both deployed stacks and half of one more database.
    await setTeamBudget(Math.round((ordersCost + importedCost + ordersCost / 2) * 100) / 100);
  }, 120_000);

  it('fails a new stack whose cost on top of the team’s deployed stacks crosses the budget, saying why', async () => {
    const invoices = await proposal('invoices');
    const finding = budgetFinding(invoices);
    expect(finding?.status).toBe('fail');
    expect(finding?.severity).toBe('error');
    const total = Math.round((invoices.cost!.monthlyTotal + ordersCost + importedCost) * 100) / 100;
    expect(finding?.message).toContain(`$${total.toFixed(2)}`);
    expect(finding?.message).toContain(`team "${TEAM}" budget`);
    expect(finding?.message).toContain(`this stack $${invoices.cost!.monthlyTotal.toFixed(2)}`);
    expect(finding?.message).toContain(`${TEAM}-orders-dev $${ordersCost.toFixed(2)}`);
    expect(finding?.message).toContain(`${importedStack} $${importedCost.toFixed(2)}`);
    // The unpriced resource is listed, not counted as zero silently.
    expect(finding?.message).toMatch(
      /Not priced \(the cost is higher still, by an unknown amount\): .*Mystery \(AWS::Mystery::Thing\)/,
    );
  });

  it('counts an edit of a deployed stack once: the proposal replaces that stack’s baseline', async () => {
    const conversationId = await startConversation(t, dev, {
      team: TEAM,
      environment: 'dev',
      title: 'orders',
    });
    const edited = (await say(t, dev, conversationId, DATABASE)).proposal as unknown as Proposed;
    expect(edited.stackName).toBe(`${TEAM}-orders-dev`);
    expect(edited.cost?.monthlyTotal).toBe(ordersCost);
    expect(budgetFinding(edited)?.status ?? 'pass').not.toBe('fail');
  });
});
