import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCloudFormationClient } from '../../src/aws/cloudformation-client.ts';
import type { AwsResourceChange } from '../../src/aws/describe-change-set.ts';
import { describeStack } from '../../src/aws/get-deployed-template.ts';
import type { Config } from '../../src/config/config.ts';
import { type CfnStandIn, startCfnStandIn } from '../support/cfn-stand-in.ts';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';
import { act, baselineOf, call, get, revise, submit, waitFor } from './support/api.ts';
import { propose, say, warmUp } from './support/proposals.ts';

const QUEUE = 'I need an SQS queue';

let cfn: CfnStandIn;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  cfn = await startCfnStandIn();
  // The real SDK's default credential chain reads these; the stand-in accepts any.
  for (const [key, value] of Object.entries({ AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' })) {
    saved[key] = process.env[key];
    process.env[key] = value;
  }
});
afterAll(async () => {
  await cfn.close();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

function awsConfig(mode: Config['APPLY_MODE'], url = cfn.url): Partial<Config> {
  return {
    APPLY_MODE: mode,
    AWS_REGION: 'us-east-1',
    CFN_ENDPOINT: url,
    APPLY_POLL_MS: 10,
    APPLY_LEASE_MS: 1_000,
  };
}

interface People {
  dev: TestUser;
  reviewer: TestUser;
}

async function people(t: TestApp, team: string): Promise<People> {
  return {
    dev: await t.createUser({ roles: ['developer'], teams: [team] }),
    reviewer: await t.createUser({ roles: ['reviewer'], teams: [team] }),
  };
}

/** A proposal submitted and approved; returns the change request and its conversation. */
async function approvedRequest(t: TestApp, p: People, team: string, app: string, text = QUEUE) {
  const proposal = await propose(t, p.dev, { team, environment: 'dev', app }, text);
  const created = await submit(t, p.dev, { proposalId: proposal.proposalId });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const approved = await act(t, p.reviewer, created.body.id, 'approve');
  expect(approved.body.state).toBe('approved');
  return { cr: approved.body, conversationId: proposal.conversationId };
}

describe('APPLY_MODE=export', () => {
  let t: TestApp;
  let p: People;
  beforeAll(async () => {
    t = await createTestApp();
    p = await people(t, 'exports');
    await warmUp(t, p.dev);
  });
  afterAll(() => t.close());

  it('hands over a bundle, holds the stack lock, and moves the baseline only when marked applied', async () => {
    const { cr } = await approvedRequest(t, p, 'exports', 'billing');

    const applied = await act(t, p.dev, cr.id, 'apply');
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ state: 'applying', apply: { mode: 'export', status: 'exported' } });
    expect(applied.body.lock).toMatchObject({ changeRequestId: cr.id, lockedBy: p.dev.user.name });
    const bundle = await call<{ deployCommand: string; files: Array<{ name: string }> }>(
      t,
      p.dev,
      'GET',
      `/v1/change-requests/${cr.id}/bundle`,
    );
    expect(bundle.body.deployCommand).toContain(`--stack-name ${cr.stack.name}`);
    expect(bundle.body.files.map((f) => f.name)).toEqual([
      'template.yaml',
      'template.json',
      'diff.md',
      'deploy.sh',
    ]);
    expect(await baselineOf(t, p.dev, cr.stack.name)).toBeNull();

    // While it applies, the stack's one open request is this one: a second is refused, naming it.
    const other = await propose(t, p.dev, { team: 'exports', environment: 'dev', app: 'billing' }, QUEUE);
    const refused = await submit(t, p.dev, { proposalId: other.proposalId });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      type: 'https://infra-copilot.dev/problems/open-change-request',
      stackName: cr.stack.name,
      openChangeRequest: { id: cr.id, state: 'applying', revision: 1 },
      revisePath: `/v1/change-requests/${cr.id}/revisions`,
    });

    const byDev = await act(t, p.dev, cr.id, 'mark-applied');
    expect(byDev.status).toBe(403);
    const done = await act(t, p.reviewer, cr.id, 'mark-applied');
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ state: 'applied', lock: null, apply: { status: 'succeeded' } });
    expect(await baselineOf(t, p.dev, cr.stack.name)).toEqual(cr.snapshot.template);

    // Applied, the stack has no open request: the next one opens. When the baseline then moves under it
    // (a reviewer imports the deployed template), its diff is stale and apply refuses it.
    const second = await approvedRequest(t, p, 'exports', 'billing');
    expect(second.cr.stack.name).toBe(cr.stack.name);
    const imported = await call(t, p.reviewer, 'POST', `/v1/stacks/${cr.stack.name}/baseline/import`, {
      template: { Resources: { Other: { Type: 'AWS::SQS::Queue' } } },
    });
    expect(imported.status, JSON.stringify(imported.body)).toBeLessThan(300);
    const stale = await act(t, p.dev, second.cr.id, 'apply');
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ type: 'https://infra-copilot.dev/problems/stale-baseline' });
  });

  it('marks a failed export failed, releases the lock and keeps the baseline', async () => {
    const { cr } = await approvedRequest(t, p, 'exports', 'ledger');
    await act(t, p.dev, cr.id, 'apply');
    const failed = await act(t, p.reviewer, cr.id, 'mark-failed', { reason: 'quota' });
    expect(failed.body).toMatchObject({
      state: 'failed',
      lock: null,
      apply: { status: 'failed', statusReason: 'quota' },
    });
    expect(await baselineOf(t, p.dev, cr.stack.name)).toBeNull();
  });

  it('rates destroying a deployed table high risk, explained', async () => {
    const { cr, conversationId } = await approvedRequest(
      t,
      p,
      'exports',
      'catalog',
      'I need a DynamoDB table',
    );
    await act(t, p.dev, cr.id, 'apply');
    await act(t, p.reviewer, cr.id, 'mark-applied');
    const removal = await say(t, p.dev, conversationId, 'remove the table');
    const res = await submit(t, p.dev, { proposalId: removal.proposalId });
    expect(res.status).toBe(201);
    const destroyed = res.body.risk.reasons.filter((r) => r.code === 'stateful-destroy');
    expect(res.body.risk.level).toBe('high');
    expect(destroyed).toEqual([
      {
        code: 'stateful-destroy',
        resource: 'TableTable',
        resourceType: 'AWS::DynamoDB::Table',
        message: 'destroys TableTable (AWS::DynamoDB::Table), which holds data',
      },
    ]);
    expect(res.body.approvals.status.required).toEqual({ approvals: 2, policyAdminApprovals: 1 });
  });

  it('honours Idempotency-Key on apply', async () => {
    const { cr } = await approvedRequest(t, p, 'exports', 'receipts');
    const headers = { 'idempotency-key': `apply-${cr.id}` };
    const one = await act(t, p.dev, cr.id, 'apply', {}, headers);
    const two = await act(t, p.dev, cr.id, 'apply', {}, headers);
    expect(one.status).toBe(200);
    expect(two.status).toBe(200);
    expect(two.headers['idempotent-replayed']).toBe('true');
    expect(two.body.apply?.id).toBe(one.body.apply?.id);
    const without = await act(t, p.dev, cr.id, 'apply');
    expect(without.status).toBe(409);
  });
});

describe('APPLY_MODE=changeset without AWS', () => {
  let t: TestApp;
  let p: People;
  beforeAll(async () => {
    t = await createTestApp({ config: { APPLY_MODE: 'changeset' } });
    p = await people(t, 'noaws');
    await warmUp(t, p.dev);
  });
  afterAll(() => t.close());

  it('refuses the apply before persisting anything', async () => {
    const { cr } = await approvedRequest(t, p, 'noaws', 'mail');
    const res = await act(t, p.dev, cr.id, 'apply');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ type: 'https://infra-copilot.dev/problems/aws-not-configured' });
    expect(await get(t, p.dev, cr.id)).toMatchObject({ state: 'approved', apply: null, lock: null });
  });
});

describe('APPLY_MODE=execute against the CloudFormation stand-in', { timeout: 60_000 }, () => {
  let t: TestApp;
  let p: People;
  beforeAll(async () => {
    t = await createTestApp({ config: awsConfig('execute') });
    p = await people(t, 'execs');
    await warmUp(t, p.dev);
  });
  afterAll(() => t.close());

  it('creates, describes and executes the change set, then moves the baseline', async () => {
    const { cr } = await approvedRequest(t, p, 'execs', 'orders');
    const creates = cfn.count('CreateChangeSet');
    const res = await act(t, p.dev, cr.id, 'apply');
    expect(res.status).toBe(202);
    expect(res.body.state).toBe('applying');
    const done = await waitFor(t, p.dev, cr.id, (c) => c.state !== 'applying');
    expect(done).toMatchObject({
      state: 'applied',
      lock: null,
      apply: { mode: 'execute', status: 'succeeded', stackStatus: 'CREATE_COMPLETE' },
    });
    const changes = done.apply?.awsChanges as AwsResourceChange[];
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c) => c.action === 'Add')).toBe(true);
    expect(cfn.count('CreateChangeSet')).toBe(creates + 1);
    expect(cfn.stack(cr.stack.name)?.status).toBe('CREATE_COMPLETE');
    expect(await baselineOf(t, p.dev, cr.stack.name)).toEqual(cr.snapshot.template);
  });

  it('records a rollback as failed with the reason, releases the lock and keeps the baseline', async () => {
    const { cr, conversationId } = await approvedRequest(t, p, 'execs', 'refunds');
    await act(t, p.dev, cr.id, 'apply');
    await waitFor(t, p.dev, cr.id, (c) => c.state === 'applied');
    const before = await baselineOf(t, p.dev, cr.stack.name);

    const next = await say(t, p.dev, conversationId, 'add an SNS topic for refund events');
    const cr2 = (await submit(t, p.dev, { proposalId: next.proposalId })).body;
    await act(t, p.reviewer, cr2.id, 'approve');
    cfn.scriptExecution(cr.stack.name, { kind: 'rollback', reason: 'Resource limit exceeded' });
    const res = await act(t, p.dev, cr2.id, 'apply');
    expect(res.status).toBe(202);
    const failed = await waitFor(t, p.dev, cr2.id, (c) => c.state !== 'applying');
    expect(failed).toMatchObject({
      state: 'failed',
      lock: null,
      apply: { status: 'failed', stackStatus: 'UPDATE_ROLLBACK_COMPLETE' },
    });
    expect(failed.apply?.statusReason).toContain('Resource limit exceeded');
    expect(failed.comments.at(-1)).toMatchObject({ kind: 'apply_failed', author: { name: 'system' } });
    expect(await baselineOf(t, p.dev, cr.stack.name)).toEqual(before);
    cfn.scriptExecution(cr.stack.name, { kind: 'succeed' });
  });

  it('deletes the stack a failed first creation left in ROLLBACK_COMPLETE, then creates it afresh', async () => {
    const { cr, conversationId } = await approvedRequest(t, p, 'execs', 'wallets');
    cfn.scriptExecution(cr.stack.name, { kind: 'rollback', reason: 'Queue name already taken' });
    await act(t, p.dev, cr.id, 'apply');
    const failed = await waitFor(t, p.dev, cr.id, (c) => c.state !== 'applying');
    expect(failed).toMatchObject({
      state: 'failed',
      apply: { status: 'failed', stackStatus: 'ROLLBACK_COMPLETE' },
    });
    expect(cfn.stack(cr.stack.name)?.status).toBe('ROLLBACK_COMPLETE');
    expect(await baselineOf(t, p.dev, cr.stack.name)).toBeNull();

    cfn.scriptExecution(cr.stack.name, { kind: 'succeed' });
    const next = await say(t, p.dev, conversationId, 'add an SNS topic for wallet events');
    // The failed request is still the stack's open one: the new proposal becomes its next revision.
    const revised = await revise(t, p.dev, cr.id, next.proposalId);
    expect(revised.status).toBe(200);
    const cr2 = revised.body;
    expect(cr2).toMatchObject({ id: cr.id, revision: 2, state: 'open' });
    // The rolled-back stack holds nothing: the new request is diffed as a new stack.
    expect(cr2.snapshot.diff).toMatchObject({ newStack: true });
    await act(t, p.reviewer, cr2.id, 'approve');
    const deletes = cfn.count('DeleteStack');
    expect((await act(t, p.dev, cr2.id, 'apply')).status).toBe(202);
    const done = await waitFor(t, p.dev, cr2.id, (c) => c.state !== 'applying');
    expect(done).toMatchObject({
      state: 'applied',
      lock: null,
      apply: {
        status: 'succeeded',
        stackStatus: 'CREATE_COMPLETE',
        statusReason:
          'deleted the stack left in ROLLBACK_COMPLETE by the failed first creation (it held no resources) and created it afresh',
      },
    });
    expect(cfn.count('DeleteStack')).toBe(deletes + 1);
    const create = cfn.calls.filter((c) => c.action === 'CreateChangeSet').at(-1);
    expect(create?.params).toMatchObject({ StackName: cr.stack.name, ChangeSetType: 'CREATE' });
    expect(cfn.stack(cr.stack.name)?.status).toBe('CREATE_COMPLETE');
    expect(await baselineOf(t, p.dev, cr.stack.name)).toEqual(cr2.snapshot.template);

    const audit = await call<{
      entries: Array<{ action: string; actor: { name: string }; summary: Record<string, unknown> }>;
    }>(t, p.reviewer, 'GET', `/v1/audit?subjectType=change_request&subjectId=${cr2.id}`);
    const trail = audit.body.entries.map((e) => [e.action, e.actor.name, e.summary.stackStatus ?? null]);
    expect(trail.filter(([action]) => String(action).startsWith('change_request.apply')).reverse()).toEqual([
      ['change_request.apply', p.dev.user.name, null],
      ['change_request.apply_failed', p.dev.user.name, 'ROLLBACK_COMPLETE'],
      ['change_request.apply', p.dev.user.name, null],
      ['change_request.apply_stack_delete', p.dev.user.name, 'ROLLBACK_COMPLETE'],
      ['change_request.apply_stack_deleted', p.dev.user.name, 'DELETE_COMPLETE'],
    ]);
    expect(trail.map(([action]) => action)).toContain('change_request.applied');
  });

  it('never deletes a stack whose update rolled back: the next request updates it as usual', async () => {
    const { cr, conversationId } = await approvedRequest(t, p, 'execs', 'rebates');
    await act(t, p.dev, cr.id, 'apply');
    await waitFor(t, p.dev, cr.id, (c) => c.state === 'applied');

    const topic = await say(t, p.dev, conversationId, 'add an SNS topic for rebate events');
    const cr2 = (await submit(t, p.dev, { proposalId: topic.proposalId })).body;
    expect(cr2.id).not.toBe(cr.id);
    await act(t, p.reviewer, cr2.id, 'approve');
    cfn.scriptExecution(cr.stack.name, { kind: 'rollback', reason: 'Topic limit exceeded' });
    await act(t, p.dev, cr2.id, 'apply');
    const failed = await waitFor(t, p.dev, cr2.id, (c) => c.state !== 'applying');
    expect(failed.apply?.stackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
    cfn.scriptExecution(cr.stack.name, { kind: 'succeed' });

    const again = await say(t, p.dev, conversationId, 'add an SNS topic for rebate alerts');
    const cr3 = (await revise(t, p.dev, cr2.id, again.proposalId)).body;
    expect(cr3).toMatchObject({ id: cr2.id, revision: 2 });
    expect(cr3.snapshot.diff).toMatchObject({ newStack: false });
    await act(t, p.reviewer, cr3.id, 'approve');
    const deletes = cfn.count('DeleteStack');
    await act(t, p.dev, cr3.id, 'apply');
    const done = await waitFor(t, p.dev, cr3.id, (c) => c.state !== 'applying');
    expect(done).toMatchObject({
      state: 'applied',
      apply: { status: 'succeeded', stackStatus: 'UPDATE_COMPLETE', statusReason: null },
    });
    expect(cfn.count('DeleteStack')).toBe(deletes);
    const create = cfn.calls.filter((c) => c.action === 'CreateChangeSet').at(-1);
    expect(create?.params).toMatchObject({ StackName: cr.stack.name, ChangeSetType: 'UPDATE' });
    expect(await baselineOf(t, p.dev, cr.stack.name)).toEqual(cr3.snapshot.template);
  });

  it('diffs a stack deployed outside the copilot against its deployed template, and updates it', async () => {
    const deployed = {
      Resources: {
        LegacyTable: { Type: 'AWS::DynamoDB::Table', Properties: { BillingMode: 'PAY_PER_REQUEST' } },
      },
    };
    cfn.putStack('execs-legacy-dev', deployed);
    const proposal = await propose(t, p.dev, { team: 'execs', environment: 'dev', app: 'legacy' }, QUEUE);
    const created = await submit(t, p.dev, { proposalId: proposal.proposalId });
    expect(created.status).toBe(201);
    expect(created.body.stack.name).toBe('execs-legacy-dev');
    expect(created.body.snapshot.diff).toMatchObject({ newStack: false });
    expect(created.body.risk.reasons.filter((r) => r.code === 'stateful-destroy')).toEqual([
      {
        code: 'stateful-destroy',
        resource: 'LegacyTable',
        resourceType: 'AWS::DynamoDB::Table',
        message: 'destroys LegacyTable (AWS::DynamoDB::Table), which holds data',
      },
    ]);
    await act(t, p.reviewer, created.body.id, 'approve');
    const policyAdmin = await t.createUser({ roles: ['policy_admin'] });
    expect((await act(t, policyAdmin, created.body.id, 'approve')).body.state).toBe('approved');
    expect((await act(t, p.dev, created.body.id, 'apply')).status).toBe(202);
    const done = await waitFor(t, p.dev, created.body.id, (c) => c.state !== 'applying');
    expect(done).toMatchObject({ state: 'applied', apply: { stackStatus: 'UPDATE_COMPLETE' } });
    expect(await baselineOf(t, p.dev, 'execs-legacy-dev')).toEqual(created.body.snapshot.template);
  });

  it('applies once when two applies race', async () => {
    const { cr } = await approvedRequest(t, p, 'execs', 'invoices');
    const createsBefore = cfn.count('CreateChangeSet');
    const executesBefore = cfn.count('ExecuteChangeSet');
    const replies = await Promise.all([act(t, p.dev, cr.id, 'apply'), act(t, p.reviewer, cr.id, 'apply')]);
    expect(replies.map((r) => r.status).sort()).toEqual([202, 409]);
    await waitFor(t, p.dev, cr.id, (c) => c.state === 'applied');
    expect(cfn.count('CreateChangeSet')).toBe(createsBefore + 1);
    expect(cfn.count('ExecuteChangeSet')).toBe(executesBefore + 1);
  });
});

describe('APPLY_MODE=changeset', { timeout: 60_000 }, () => {
  let exec: TestApp;
  let cs: TestApp;
  let p: People;
  beforeAll(async () => {
    exec = await createTestApp({ config: awsConfig('execute') });
    cs = await createTestApp({ shareWith: exec, config: awsConfig('changeset') });
    p = await people(exec, 'changesets');
    await warmUp(exec, p.dev);
  });
  afterAll(async () => {
    await cs.close();
    await exec.close();
  });

  it("attaches AWS's own changes with replacement flags and waits for mark-applied", async () => {
    const { cr, conversationId } = await approvedRequest(exec, p, 'changesets', 'jobs');
    await act(exec, p.dev, cr.id, 'apply');
    await waitFor(exec, p.dev, cr.id, (c) => c.state === 'applied');

    const fifo = await say(cs, p.dev, conversationId, 'make the queue FIFO');
    const cr2 = (await submit(cs, p.dev, { proposalId: fifo.proposalId })).body;
    // FIFO is create-only on a queue: the queue (stateful) is replaced, so two approvals, one a policy_admin.
    expect(cr2.risk.level).toBe('high');
    expect(cr2.risk.reasons.map((r) => r.code)).toContain('stateful-replace');
    await act(cs, p.reviewer, cr2.id, 'approve');
    const policyAdmin = await cs.createUser({ roles: ['policy_admin'] });
    expect((await act(cs, policyAdmin, cr2.id, 'approve')).body.state).toBe('approved');
    const executes = cfn.count('ExecuteChangeSet');
    const res = await act(cs, p.dev, cr2.id, 'apply');
    expect(res.status).toBe(202);
    const ready = await waitFor(cs, p.dev, cr2.id, (c) => c.apply?.status !== 'pending');
    expect(ready).toMatchObject({
      state: 'applying',
      apply: { mode: 'changeset', status: 'changeset_created' },
    });
    const changes = ready.apply?.awsChanges as AwsResourceChange[];
    const replaced = changes.filter((c) => c.replacement === 'True');
    expect(replaced.length).toBeGreaterThan(0);
    expect(replaced[0]?.action).toBe('Modify');
    expect(cfn.count('ExecuteChangeSet')).toBe(executes);
    expect(ready.lock?.changeRequestId).toBe(cr2.id);

    const marked = await act(cs, p.reviewer, cr2.id, 'mark-applied');
    expect(marked.body).toMatchObject({ state: 'applied', lock: null });
    expect(await baselineOf(cs, p.dev, cr.stack.name)).toEqual(cr2.snapshot.template);
  });
});

describe('a restart mid-apply', () => {
  /** Stops `first` mid-apply; a second process on the same store and AWS carries the apply to its end. */
  async function restartDuringApply(first: TestApp, aws: CfnStandIn, user: TestUser, id: string) {
    const second = await createTestApp({ shareWith: first, config: awsConfig('execute', aws.url) });
    await first.close();
    const done = await waitFor(second, user, id, (c) => c.state !== 'applying', 30_000);
    return { second, done };
  }

  // These tests build their apps inside the test: pay the planner's and the AWS SDK's first load here.
  beforeAll(async () => {
    const warm = await createTestApp({ config: awsConfig('execute') });
    await warmUp(warm, await warm.createUser({ roles: ['developer'], teams: ['restarts'] }));
    const client = createCloudFormationClient({ AWS_REGION: 'us-east-1', CFN_ENDPOINT: cfn.url });
    expect(await describeStack(client, 'warm-up')).toBeNull();
    client.destroy();
    await warm.close();
  });

  it('while the change set is being created: the next process waits for it instead of creating another', async () => {
    const slow = await startCfnStandIn({ changeSetPolls: 100 });
    const first = await createTestApp({ config: awsConfig('execute', slow.url) });
    const p = await people(first, 'restarts');
    const { cr } = await approvedRequest(first, p, 'restarts', 'ledgers');
    expect((await act(first, p.dev, cr.id, 'apply')).status).toBe(202);
    await waitFor(first, p.dev, cr.id, () => slow.count('CreateChangeSet') === 1, 30_000);
    const { second, done } = await restartDuringApply(first, slow, p.dev, cr.id);
    expect(done).toMatchObject({ state: 'applied', apply: { status: 'succeeded' } });
    expect(slow.count('CreateChangeSet')).toBe(1);
    expect(slow.count('ExecuteChangeSet')).toBe(1);
    await second.close();
    await slow.close();
  }, 90_000);

  it('while a rolled-back stack is being deleted: the next process waits for the deletion, then creates', async () => {
    const slow = await startCfnStandIn({ executionPolls: 100 });
    // A first creation (outside this test's requests) failed and rolled back: no CREATE_COMPLETE ever.
    slow.putStack('restarts-vaults-dev', { Resources: {} }, 'ROLLBACK_COMPLETE');
    const first = await createTestApp({ config: awsConfig('execute', slow.url) });
    const p = await people(first, 'restarts');
    const { cr } = await approvedRequest(first, p, 'restarts', 'vaults');
    expect(cr.stack.name).toBe('restarts-vaults-dev');
    expect((await act(first, p.dev, cr.id, 'apply')).status).toBe(202);
    await waitFor(first, p.dev, cr.id, () => slow.count('DeleteStack') === 1, 30_000);
    expect(slow.stack(cr.stack.name)?.status).toBe('DELETE_IN_PROGRESS');
    const { second, done } = await restartDuringApply(first, slow, p.dev, cr.id);
    expect(done).toMatchObject({
      state: 'applied',
      apply: { status: 'succeeded', stackStatus: 'CREATE_COMPLETE' },
    });
    expect(done.apply?.statusReason).toMatch(/^deleted the stack left in ROLLBACK_COMPLETE/);
    expect(slow.count('DeleteStack')).toBe(1);
    expect(slow.count('CreateChangeSet')).toBe(1);
    expect(slow.count('ExecuteChangeSet')).toBe(1);
    await second.close();
    await slow.close();
  }, 90_000);

  it('while the stack updates: the next process follows it instead of executing again', async () => {
    const slow = await startCfnStandIn({ executionPolls: 100 });
    const first = await createTestApp({ config: awsConfig('execute', slow.url) });
    const p = await people(first, 'restarts');
    const { cr } = await approvedRequest(first, p, 'restarts', 'payouts');
    const res = await act(first, p.dev, cr.id, 'apply');
    expect(res.status).toBe(202);
    await waitFor(first, p.dev, cr.id, () => slow.count('ExecuteChangeSet') === 1, 30_000);
    // While CloudFormation works, nobody can record the outcome by hand.
    const early = await act(first, p.reviewer, cr.id, 'mark-applied');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      type: 'https://infra-copilot.dev/problems/apply-in-progress',
      mode: 'execute',
    });
    // The process stops while CloudFormation is still updating the stack.
    const { second, done } = await restartDuringApply(first, slow, p.dev, cr.id);
    expect(done).toMatchObject({ state: 'applied', apply: { status: 'succeeded' } });
    expect(slow.count('CreateChangeSet')).toBe(1);
    expect(slow.count('ExecuteChangeSet')).toBe(1);
    await second.close();
    await slow.close();
  }, 90_000);
});
