import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';
import { act, get, submit } from './support/api.ts';
import { propose, warmUp } from './support/proposals.ts';

const LOW = 'I need an SQS queue';
const HIGH = 'I need an HTTP API backed by a Lambda function';

let t: TestApp;
let crossTeam: TestApp;
let dev: TestUser;
let reviewer: TestUser;
let reviewer2: TestUser;
let admin: TestUser;
let policyAdmin: TestUser;
let otherTeamReviewer: TestUser;
let n = 0;

beforeAll(async () => {
  t = await createTestApp();
  // A second replica on the same data whose approval rule lets reviewers of other teams approve.
  crossTeam = await createTestApp({ shareWith: t, config: { APPROVAL_CROSS_TEAM: true } });
  dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
  reviewer = await t.createUser({ roles: ['reviewer'], teams: ['payments'] });
  reviewer2 = await t.createUser({ roles: ['reviewer'] });
  admin = await t.createUser({ roles: ['reviewer', 'developer'], teams: ['payments'] });
  policyAdmin = await t.createUser({ roles: ['policy_admin'] });
  otherTeamReviewer = await t.createUser({ roles: ['reviewer'], teams: ['search'] });
  await warmUp(t, dev);
});
afterAll(async () => {
  await crossTeam.close();
  await t.close();
});

async function openRequest(text: string, author: TestUser = dev) {
  n++;
  const p = await propose(t, author, { team: 'payments', environment: 'dev', app: `app${n}` }, text);
  const res = await submit(t, author, { proposalId: p.proposalId });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('who may approve', () => {
  it('refuses self-approval, even by a reviewer', async () => {
    const cr = await openRequest(LOW, admin);
    const res = await act(t, admin, cr.id, 'approve');
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ type: 'https://infra-copilot.dev/problems/self-approval' });
    expect((await get(t, admin, cr.id)).approvals.records).toEqual([]);
  });

  it('refuses a developer', async () => {
    const cr = await openRequest(LOW);
    const other = await t.createUser({ roles: ['developer'], teams: ['payments'] });
    const res = await act(t, other, cr.id, 'approve');
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ type: 'https://infra-copilot.dev/problems/not-a-reviewer' });
    const rc = await act(t, other, cr.id, 'reject', { reason: 'no' });
    expect(rc.status).toBe(403);
  });

  it('refuses a reviewer of another team unless the rule allows it', async () => {
    const cr = await openRequest(LOW);
    const refused = await act(t, otherTeamReviewer, cr.id, 'approve');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      type: 'https://infra-copilot.dev/problems/cross-team-approval',
      reviewerTeams: ['search'],
      requestTeam: 'payments',
    });
    const allowed = await act(crossTeam, otherTeamReviewer, cr.id, 'approve');
    expect(allowed.status).toBe(200);
    expect(allowed.body.state).toBe('approved');
    expect(allowed.body.approvals.records.map((a) => a.approverName)).toEqual([otherTeamReviewer.user.name]);
  });

  it('lets a same-team reviewer approve a low-risk change alone', async () => {
    const cr = await openRequest(LOW);
    expect(cr.risk).toEqual({ level: 'low', reasons: [] });
    const res = await act(t, reviewer, cr.id, 'approve');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'approved', version: 2 });
    expect(res.body.approvedAt).not.toBeNull();
  });
});

describe('high risk', () => {
  it('needs two approvals, one of them from a policy_admin', async () => {
    const cr = await openRequest(HIGH);
    expect(cr.risk.level).toBe('high');
    expect(cr.risk.reasons.length).toBeGreaterThan(0);
    expect(cr.approvals.status.required).toEqual({ approvals: 2, policyAdminApprovals: 1 });

    const first = await act(t, reviewer, cr.id, 'approve');
    expect(first.body.state).toBe('open');
    const second = await act(t, reviewer2, cr.id, 'approve');
    expect(second.body.state).toBe('open');
    expect(second.body.approvals.status.missing).toEqual(['1 approval from a policy_admin']);
    const apply = await act(t, dev, cr.id, 'apply');
    expect(apply.status).toBe(409);
    expect(apply.body).toMatchObject({ currentState: 'open', action: 'apply' });

    const third = await act(t, policyAdmin, cr.id, 'approve');
    expect(third.body.state).toBe('approved');
    expect(third.body.approvals.status).toMatchObject({
      satisfied: true,
      approvals: 3,
      policyAdminApprovals: 1,
    });
  });
});

describe('racing approvals', () => {
  it('records one approval each and reaches the right state', async () => {
    const cr = await openRequest(HIGH);
    const replies = await Promise.all([
      act(t, reviewer, cr.id, 'approve'),
      act(t, policyAdmin, cr.id, 'approve'),
      act(t, reviewer, cr.id, 'approve'),
    ]);
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    const after = await get(t, dev, cr.id);
    expect(after.state).toBe('approved');
    expect(after.approvals.records.map((a) => a.approverName).sort()).toEqual(
      [reviewer.user.name, policyAdmin.user.name].sort(),
    );
    // Two recorded approvals: two version bumps, the duplicate changed nothing.
    expect(after.version).toBe(3);
  });
});

describe('request changes', () => {
  it('holds the request until the reviewer who asked approves, and counts it', async () => {
    const cr = await openRequest(LOW);
    const asked = await act(t, reviewer, cr.id, 'request-changes', { reason: 'use a FIFO queue' });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ state: 'changes_requested', changesRequestedCount: 1 });
    expect(asked.body.comments.map((c) => [c.kind, c.body])).toEqual([
      ['request_changes', 'use a FIFO queue'],
    ]);

    const other = await act(t, reviewer2, cr.id, 'approve');
    expect(other.body.state).toBe('changes_requested');
    const same = await act(t, reviewer, cr.id, 'approve');
    expect(same.body.state).toBe('approved');
  });

  it('needs a reason', async () => {
    const cr = await openRequest(LOW);
    const res = await act(t, reviewer, cr.id, 'request-changes', {});
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('body.reason');
  });
});

describe('idempotent approve', () => {
  it('replays the first answer for the same key', async () => {
    const cr = await openRequest(LOW);
    const headers = { 'idempotency-key': `approve-${cr.id}` };
    const one = await act(t, reviewer, cr.id, 'approve', {}, headers);
    const two = await act(t, reviewer, cr.id, 'approve', {}, headers);
    expect(one.status).toBe(200);
    expect(two.status).toBe(200);
    expect(two.headers['idempotent-replayed']).toBe('true');
    expect(two.body).toEqual(one.body);
    const changed = await act(t, reviewer, cr.id, 'approve', { expectedVersion: 1 }, headers);
    expect(changed.status).toBe(422);
    expect(changed.body).toMatchObject({ type: 'https://infra-copilot.dev/problems/idempotency-key-reused' });
  });
});
