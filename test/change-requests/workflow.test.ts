import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../src/change-requests/notifier.ts';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';
import { act, call, get, submit } from './support/api.ts';
import { propose, say, warmUp } from './support/proposals.ts';

let t: TestApp;
let dev: TestUser;
let reviewer: TestUser;
let outsider: TestUser;
const events: ChangeEvent[] = [];
let n = 0;

beforeAll(async () => {
  t = await createTestApp();
  t.app.changeEvents.subscribe((event) => {
    events.push(event);
  });
  dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
  reviewer = await t.createUser({ roles: ['reviewer'], teams: ['payments'] });
  outsider = await t.createUser({ roles: ['developer'], teams: ['search'] });
  await warmUp(t, dev);
});
afterAll(() => t.close());

function newProposal(text = 'I need an SQS queue') {
  n++;
  return propose(t, dev, { team: 'payments', environment: 'dev', app: `wf${n}` }, text);
}

describe('create', () => {
  it('snapshots the proposal with the stack, risk, diff and channel', async () => {
    const p = await newProposal();
    const res = await submit(t, dev, { proposalId: p.proposalId, title: 'Jobs queue', channel: 'cli' });
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    const cr = res.body;
    expect(cr).toMatchObject({
      title: 'Jobs queue',
      state: 'open',
      version: 1,
      revision: 1,
      channel: 'cli',
      conversationId: p.conversationId,
      author: { id: dev.user.id, name: dev.user.name },
      stack: { team: 'payments', environment: 'dev' },
      allowedActions: ['approve', 'request_changes', 'reject', 'revise', 'close'],
      lock: null,
      apply: null,
    });
    expect(cr.stack.name).toBe(`payments-${cr.stack.app}-dev`);
    expect(cr.snapshot.proposalId).toBe(p.proposalId);
    expect(cr.snapshot.template).toEqual(p.proposal.template);
    expect(cr.snapshot.diff).toMatchObject({ newStack: true });
    expect((cr.snapshot.diff as { summaryLine: string }).summaryLine).toMatch(/to add/);
    const created = events.filter((e) => e.type === 'created' && e.changeRequest.id === cr.id);
    expect(created).toHaveLength(1);
    expect(created[0]?.actor).toEqual({ id: dev.user.id, name: dev.user.name });
    expect(created[0]?.changeRequest).toMatchObject({
      state: 'open',
      channel: 'cli',
      stackName: cr.stack.name,
    });
  });

  it('honours Idempotency-Key: same body → same request, different body → 422', async () => {
    const p = await newProposal();
    const key = { 'idempotency-key': `create-${p.proposalId}` };
    const one = await submit(t, dev, { proposalId: p.proposalId }, key);
    const two = await submit(t, dev, { proposalId: p.proposalId }, key);
    expect(one.status).toBe(201);
    expect(two.status).toBe(201);
    expect(two.body.id).toBe(one.body.id);
    expect(two.headers['idempotent-replayed']).toBe('true');
    expect(events.filter((e) => e.type === 'created' && e.changeRequest.id === one.body.id)).toHaveLength(1);
    const other = await submit(t, dev, { proposalId: p.proposalId, title: 'different' }, key);
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ type: 'https://infra-copilot.dev/problems/idempotency-key-reused' });
    // Without the key it is a second request for the same stack: refused, naming the open one.
    const third = await submit(t, dev, { proposalId: p.proposalId });
    expect(third.status).toBe(409);
    expect(third.body).toMatchObject({
      type: 'https://infra-copilot.dev/problems/open-change-request',
      openChangeRequest: { id: one.body.id },
    });
  });

  it('refuses an unknown proposal and a stack of another team', async () => {
    const missing = await submit(t, dev, { proposalId: 'no-such-proposal' });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ type: 'https://infra-copilot.dev/problems/proposal-not-found' });
    const p = await newProposal();
    const res = await submit(t, outsider, { proposalId: p.proposalId });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      type: 'https://infra-copilot.dev/problems/not-team-member',
      team: 'payments',
    });
  });

  it('names the field of a bad body', async () => {
    const res = await submit(t, dev, { proposalId: '' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('body.proposalId');
  });
});

describe('revisions', () => {
  it('a newer proposal of the conversation makes revision 2 and dismisses approvals', async () => {
    const p1 = await newProposal();
    const cr = (await submit(t, dev, { proposalId: p1.proposalId })).body;
    const approved = await act(t, reviewer, cr.id, 'approve');
    expect(approved.body.state).toBe('approved');
    const p2 = await say(t, dev, p1.conversationId, 'make the queue FIFO');
    expect(p2.proposalId).not.toBe(p1.proposalId);
    const revised = await call(t, dev, 'POST', `/v1/change-requests/${cr.id}/revisions`, {
      proposalId: p2.proposalId,
    });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ revision: 2, state: 'open', approvedAt: null });
    expect(revised.body.approvals.records).toEqual([]);
    expect(revised.body.snapshot.proposalId).toBe(p2.proposalId);
    expect(events.some((e) => e.type === 'revised' && e.changeRequest.id === cr.id)).toBe(true);

    const again = await call(t, dev, 'POST', `/v1/change-requests/${cr.id}/revisions`, {
      proposalId: p2.proposalId,
    });
    expect(again.status).toBe(422);
    const older = await call(t, dev, 'POST', `/v1/change-requests/${cr.id}/revisions`, {
      proposalId: p1.proposalId,
    });
    expect(older.status).toBe(422);
    expect(older.body).toMatchObject({ reason: 'it is not newer than the proposal of revision 2' });
    const foreign = await newProposal();
    const mismatch = await call(t, dev, 'POST', `/v1/change-requests/${cr.id}/revisions`, {
      proposalId: foreign.proposalId,
    });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body).toMatchObject({ type: 'https://infra-copilot.dev/problems/proposal-mismatch' });
    const byReviewer = await call(t, reviewer, 'POST', `/v1/change-requests/${cr.id}/revisions`, {
      proposalId: p2.proposalId,
    });
    expect(byReviewer.status).toBe(403);
  });
});

describe('optimistic versions', () => {
  it('every mutation moves the version on; a stale expectedVersion gives 409 naming both, and nothing is lost', async () => {
    const p = await newProposal();
    const cr = (await submit(t, dev, { proposalId: p.proposalId })).body;
    const commented = await call(t, dev, 'POST', `/v1/change-requests/${cr.id}/comments`, { body: 'ready' });
    expect(commented.status).toBe(201);
    expect(commented.headers.etag).toBe('"2"');
    const missed = await act(t, reviewer, cr.id, 'request-changes', { reason: 'tag it', expectedVersion: 1 });
    expect(missed.status).toBe(409);
    const asked = await act(t, reviewer, cr.id, 'request-changes', { reason: 'tag it', expectedVersion: 2 });
    expect(asked.status).toBe(200);
    expect(asked.body.version).toBe(3);
    const stale = await act(t, dev, cr.id, 'close', { reason: 'never mind', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      type: 'https://infra-copilot.dev/problems/version-conflict',
      expectedVersion: 1,
      currentVersion: 3,
      expectedRevision: 1,
      currentRevision: 1,
    });
    const now = await get(t, dev, cr.id);
    expect(now).toMatchObject({ state: 'changes_requested', version: 3 });
    expect(now.comments.map((c) => [c.body, c.revision, c.version])).toEqual([
      ['ready', 1, 1],
      ['tag it', 1, 2],
    ]);
    const viaHeader = await act(t, dev, cr.id, 'close', {}, { 'if-match': '"1"' });
    expect(viaHeader.status).toBe(409);
    const fresh = await act(t, dev, cr.id, 'close', {}, { 'if-match': '"3"' });
    expect(fresh.status).toBe(200);
    expect(fresh.body.state).toBe('closed');
  });

  it('a revision moves the version on: an approval of the version or revision the reviewer saw is refused, naming both', async () => {
    const p1 = await newProposal();
    const cr = (await submit(t, dev, { proposalId: p1.proposalId })).body;
    expect(cr).toMatchObject({ version: 1, revision: 1 });
    const p2 = await say(t, dev, p1.conversationId, 'make the queue FIFO');
    const revised = await call(t, dev, 'POST', `/v1/change-requests/${cr.id}/revisions`, {
      proposalId: p2.proposalId,
    });
    expect(revised.body).toMatchObject({ version: 2, revision: 2 });
    expect(revised.headers.etag).toBe('"2"');
    expect(revised.body.revisions.map((r) => [r.revision, r.version])).toEqual([
      [1, 1],
      [2, 2],
    ]);

    const stale = await act(t, reviewer, cr.id, 'approve', {}, { 'if-match': '"1"' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      type: 'https://infra-copilot.dev/problems/version-conflict',
      expectedVersion: 1,
      currentVersion: 2,
      expectedRevision: 1,
      currentRevision: 2,
    });
    expect((stale.body as unknown as { detail: string }).detail).toContain('revision 2 was submitted since');
    const staleRevision = await act(t, reviewer, cr.id, 'approve', { expectedRevision: 1 });
    expect(staleRevision.status).toBe(409);
    expect((await get(t, dev, cr.id)).approvals.records).toEqual([]);

    const approved = await act(
      t,
      reviewer,
      cr.id,
      'approve',
      { expectedRevision: 2, comment: 'FIFO is right' },
      {
        'if-match': '"2"',
      },
    );
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.approvals.records).toMatchObject([
      { approverName: reviewer.user.name, revision: 2, version: 2 },
    ]);
    expect(approved.body.comments).toMatchObject([
      {
        kind: 'approve',
        body: 'FIFO is right',
        revision: 2,
        version: 2,
        author: { name: reviewer.user.name },
      },
    ]);
    const audit = await call<{ entries: Array<{ action: string; summary: Record<string, unknown> }> }>(
      t,
      reviewer,
      'GET',
      `/v1/audit?subjectType=change_request&subjectId=${cr.id}&action=change_request.approve`,
    );
    expect(audit.body.entries[0]?.summary).toMatchObject({
      revision: 2,
      version: 2,
      comment: 'FIFO is right',
    });
  });
});

describe('transitions', () => {
  it('refuses an action the state does not allow, naming the state and the allowed actions', async () => {
    const p = await newProposal();
    const cr = (await submit(t, dev, { proposalId: p.proposalId })).body;
    const res = await act(t, dev, cr.id, 'apply');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      type: 'https://infra-copilot.dev/problems/invalid-transition',
      currentState: 'open',
      action: 'apply',
      allowedActions: ['approve', 'request_changes', 'reject', 'revise', 'close'],
    });
    const rejected = await act(t, reviewer, cr.id, 'reject', { reason: 'not needed' });
    expect(rejected.body).toMatchObject({ state: 'rejected', allowedActions: [] });
    const after = await act(t, reviewer, cr.id, 'approve');
    expect(after.status).toBe(409);
    expect(after.body).toMatchObject({ currentState: 'rejected', allowedActions: [] });
  });

  it('records every transition in the audit log with its actor, and emits events after commit only', async () => {
    const p = await newProposal();
    const cr = (await submit(t, dev, { proposalId: p.proposalId })).body;
    const before = events.length;
    const refused = await act(t, dev, cr.id, 'approve');
    expect(refused.status).toBe(403);
    expect(events.length).toBe(before);
    await act(t, reviewer, cr.id, 'request-changes', { reason: 'smaller' });
    await act(t, reviewer, cr.id, 'approve');
    await act(t, dev, cr.id, 'apply');
    await act(t, reviewer, cr.id, 'mark-failed', { reason: 'the deploy failed' });
    await act(t, dev, cr.id, 'close');
    const audit = await call<{
      entries: Array<{ action: string; actor: { name: string }; summary: Record<string, unknown> }>;
    }>(t, reviewer, 'GET', `/v1/audit?subjectType=change_request&subjectId=${cr.id}`);
    expect(audit.status).toBe(200);
    const trail = audit.body.entries
      .map((e) => [e.action, e.actor.name, e.summary.from ?? null, e.summary.to])
      .reverse();
    expect(trail).toEqual([
      ['change_request.create', dev.user.name, null, 'open'],
      ['change_request.request_changes', reviewer.user.name, 'open', 'changes_requested'],
      ['change_request.approve', reviewer.user.name, 'changes_requested', 'approved'],
      ['change_request.apply', dev.user.name, 'approved', 'applying'],
      ['change_request.apply_failed', reviewer.user.name, 'applying', 'failed'],
      ['change_request.close', dev.user.name, 'failed', 'closed'],
    ]);
    const mine = events
      .filter((e) => e.changeRequest.id === cr.id)
      .map((e) => [e.type, e.changeRequest.state]);
    expect(mine).toEqual([
      ['created', 'open'],
      ['changes_requested', 'changes_requested'],
      ['approval_recorded', 'approved'],
      ['approved', 'approved'],
      ['apply_started', 'applying'],
      ['failed', 'failed'],
      ['closed', 'closed'],
    ]);
  });
});
