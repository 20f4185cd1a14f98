import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Finding } from '../../src/guardrails/rule.ts';
import { getProposal, insertProposal } from '../../src/proposal/proposal-repository.ts';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';
import { submit } from './support/api.ts';
import { propose, warmUp } from './support/proposals.ts';

let t: TestApp;
let dev: TestUser;
let n = 0;

beforeAll(async () => {
  t = await createTestApp();
  dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
  await warmUp(t, dev);
});
afterAll(() => t.close());

const finding = (status: Finding['status'], ruleId: string): Finding => ({
  ruleId,
  title: ruleId,
  severity: 'error',
  status,
  resource: 'TableTable',
  resourceType: 'AWS::DynamoDB::Table',
  message: `${ruleId} fails on TableTable`,
  references: [],
  fingerprint: `${ruleId}:TableTable`,
  ...(status === 'waived' ? { waiverId: 'w-1' } : {}),
});

/** A real proposal from the planner, stored again through PLANNER's repository with extra findings. */
async function proposalWith(findings: Finding[]): Promise<string> {
  n++;
  const p = await propose(
    t,
    dev,
    { team: 'payments', environment: 'dev', app: `gate${n}` },
    'I need a DynamoDB table',
  );
  const stored = await getProposal(t.app.db, p.proposalId);
  if (stored === null) throw new Error('the planner did not store its proposal');
  const id = randomUUID();
  await insertProposal(t.app.db, { ...stored, id, findings: [...stored.findings, ...findings] }, 100 + n);
  return id;
}

it('refuses a change with a failing error finding, listing the blocking findings', async () => {
  const proposalId = await proposalWith([
    finding('fail', 'dynamodb-pitr'),
    { ...finding('fail', 'tags-required'), severity: 'warning' },
  ]);
  const res = await submit(t, dev, { proposalId });
  expect(res.status).toBe(422);
  expect(res.body).toMatchObject({
    type: 'https://infra-copilot.dev/problems/blocking-findings',
    findings: [
      {
        ruleId: 'dynamodb-pitr',
        severity: 'error',
        status: 'fail',
        resource: 'TableTable',
        message: 'dynamodb-pitr fails on TableTable',
      },
    ],
  });
  const list = await t.app.inject({
    method: 'GET',
    url: '/v1/change-requests?mine=true',
    headers: dev.headers,
  });
  const items = (list.json() as { items: Array<{ proposalId: string }> }).items;
  expect(items.filter((i) => i.proposalId === proposalId)).toEqual([]);
});

it('accepts a waived error finding and makes the change high risk, saying why', async () => {
  const proposalId = await proposalWith([finding('waived', 'dynamodb-pitr')]);
  const res = await submit(t, dev, { proposalId });
  expect(res.status).toBe(201);
  expect(res.body.risk).toEqual({
    level: 'high',
    reasons: [
      {
        code: 'waived-error-finding',
        resource: 'TableTable',
        message: 'relies on a waiver for error rule dynamodb-pitr: dynamodb-pitr fails on TableTable',
      },
    ],
  });
});

it('accepts an error check that could not be decided (unknown): reviewers see it, it does not block', async () => {
  const proposalId = await proposalWith([finding('unknown', 'dynamodb-pitr')]);
  const res = await submit(t, dev, { proposalId });
  expect(res.status).toBe(201);
  expect(res.body.snapshot.findings).toEqual(
    expect.arrayContaining([expect.objectContaining({ ruleId: 'dynamodb-pitr', status: 'unknown' })]),
  );
});
