import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';

// An `error` rule whose value is known only after deployment (a function's role is `Fn::GetAtt`) gives
// `unknown`. The reply, the proposal's count and submission must agree that it does not block.
const RULE = [
  '  - id: functions-use-the-org-role',
  '    title: Functions run as the org-wide role',
  '    severity: error',
  '    rationale: One audited role.',
  '    remediation: Use the org role.',
  '    resourceType: AWS::Lambda::Function',
  "    condition: { equals: { path: Role, value: 'arn:aws:iam::123456789012:role/org' } }",
  '',
].join('\n');

let t: TestApp;
let dev: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
  const admin = await t.createUser({ roles: ['policy_admin'] });
  const current = await t.app.inject({ method: 'GET', url: '/v1/policies/current', headers: admin.headers });
  const { version, text } = current.json() as { version: number; text: string };
  const saved = await t.app.inject({
    method: 'PUT',
    url: '/v1/policies/current',
    headers: admin.headers,
    payload: {
      baseVersion: version,
      text: text.replace('customRules:\n', `customRules:\n${RULE}`),
      message: 'org role',
    },
  });
  expect(saved.statusCode, saved.body).toBe(200);
});
afterAll(() => t.close());

it('shows an undecided error check without calling it blocking, and lets the change be submitted', async () => {
  const created = await t.app.inject({
    method: 'POST',
    url: '/v1/conversations',
    headers: dev.headers,
    payload: {},
  });
  const turn = await t.app.inject({
    method: 'POST',
    url: `/v1/conversations/${created.json().id}/messages`,
    headers: dev.headers,
    payload: { text: 'a Lambda function for team payments, dev' },
  });
  expect(turn.statusCode).toBe(200);
  const { reply, proposal } = turn.json() as {
    reply: string;
    proposal: { id: string; summary: { blocking: number }; findings: { ruleId: string; status: string }[] };
  };
  expect(proposal.findings).toContainEqual(
    expect.objectContaining({ ruleId: 'functions-use-the-org-role', status: 'unknown' }),
  );
  expect(proposal.summary.blocking).toBe(0);
  expect(reply).toContain('No blocking findings');

  const submitted = await t.app.inject({
    method: 'POST',
    url: '/v1/change-requests',
    headers: dev.headers,
    payload: { proposalId: proposal.id },
  });
  expect(submitted.statusCode, submitted.body).toBe(201);
});
