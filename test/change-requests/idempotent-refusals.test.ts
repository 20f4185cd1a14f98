/**
 * Idempotency keys replay refusals too (as Stripe does): a final 4xx is stored under the key and answered
 * again to a retry with the same body, which changes nothing; a 409, a 5xx or an unexpected failure is not
 * stored, so a retry runs again. With TEST_DATABASE_URL the race runs on PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIdempotently } from '../../src/change-requests/idempotency.ts';
import type { Finding } from '../../src/guardrails/rule.ts';
import { ConflictError } from '../../src/http/errors/conflict-error.ts';
import { getProposal, insertProposal } from '../../src/proposal/proposal-repository.ts';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';
import { testDatabaseUrl } from '../support/test-database.ts';
import { act, get, type Reply, submit } from './support/api.ts';
import { propose, warmUp } from './support/proposals.ts';

let t: TestApp;
let dev: TestUser;
let author: TestUser;
let reviewer: TestUser;
let n = 0;

beforeAll(async () => {
  t = await createTestApp();
  dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
  author = await t.createUser({ roles: ['reviewer', 'developer'], teams: ['payments'] });
  reviewer = await t.createUser({ roles: ['reviewer'], teams: ['payments'] });
  await warmUp(t, dev);
}, 60_000);
afterAll(() => t.close());

async function openRequest(user: TestUser) {
  n++;
  const p = await propose(
    t,
    user,
    { team: 'payments', environment: 'dev', app: `idem${n}` },
    'I need an SQS queue',
  );
  const res = await submit(t, user, { proposalId: p.proposalId });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const withoutRequestId = (reply: Reply<unknown>) => {
  const { requestId: _requestId, ...rest } = reply.body as Record<string, unknown>;
  return rest;
};

async function auditCount(action: string, subjectId?: string): Promise<number> {
  let query = t.app.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', action);
  if (subjectId) query = query.where('subject_id', '=', subjectId);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

describe('a refused request is answered again for the same key', () => {
  it('replays a self-approval refusal, and refuses the key with another body', async () => {
    const cr = await openRequest(author);
    const headers = { 'idempotency-key': `self-${cr.id}` };
    const first = await act(t, author, cr.id, 'approve', {}, headers);
    expect(first.status).toBe(403);
    expect(first.body).toMatchObject({ type: 'https://infra-copilot.dev/problems/self-approval' });
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    const retry = await act(t, author, cr.id, 'approve', {}, headers);
    expect(retry.status).toBe(403);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(String(retry.headers['content-type'])).toContain('application/problem+json');
    expect(withoutRequestId(retry)).toEqual(withoutRequestId(first));
    const after = await get(t, author, cr.id);
    expect(after.approvals.records).toEqual([]);
    expect(after.version).toBe(cr.version);

    const other = await act(t, author, cr.id, 'approve', { expectedVersion: cr.version }, headers);
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({
      type: 'https://infra-copilot.dev/problems/idempotency-key-reused',
      key: `self-${cr.id}`,
    });
    expect(String((other.body as unknown as { detail: string }).detail)).toContain(`self-${cr.id}`);
  });

  it('replays "blocked by an error finding" on create and creates nothing', async () => {
    const p = await propose(
      t,
      dev,
      { team: 'payments', environment: 'dev', app: 'blocked' },
      'I need a DynamoDB table',
    );
    const stored = await getProposal(t.app.db, p.proposalId);
    if (stored === null) throw new Error('the planner did not store its proposal');
    const failing: Finding = {
      ruleId: 'dynamodb-pitr',
      title: 'dynamodb-pitr',
      severity: 'error',
      status: 'fail',
      resource: 'TableTable',
      resourceType: 'AWS::DynamoDB::Table',
      message: 'dynamodb-pitr fails on TableTable',
      references: [],
      fingerprint: 'dynamodb-pitr:TableTable',
    };
    const proposalId = randomUUID();
    await insertProposal(
      t.app.db,
      { ...stored, id: proposalId, findings: [...stored.findings, failing] },
      100,
    );
    const headers = { 'idempotency-key': `blocked-${proposalId}` };
    const creates = await auditCount('change_request.create');

    const first = await submit(t, dev, { proposalId }, headers);
    expect(first.status).toBe(422);
    expect(first.body).toMatchObject({ type: 'https://infra-copilot.dev/problems/blocking-findings' });
    const retry = await submit(t, dev, { proposalId }, headers);
    expect(retry.status).toBe(422);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(withoutRequestId(retry)).toEqual(withoutRequestId(first));
    expect(await auditCount('change_request.create')).toBe(creates);

    // Another key is another request: it runs (and is refused again on its own).
    const fresh = await submit(t, dev, { proposalId }, { 'idempotency-key': `blocked-2-${proposalId}` });
    expect(fresh.status).toBe(422);
    expect(fresh.headers['idempotent-replayed']).toBeUndefined();
  });

  it('does not store a 409: a retry with the same key runs again', async () => {
    const cr = await openRequest(dev);
    const headers = { 'idempotency-key': `stale-${cr.id}` };
    const body = { expectedVersion: cr.version + 5 };
    const stale = await act(t, reviewer, cr.id, 'approve', body, headers);
    expect(stale.status).toBe(409);
    const again = await act(t, reviewer, cr.id, 'approve', body, headers);
    expect(again.status).toBe(409);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
  });
});

describe('failures that are not answers', () => {
  const actorId = randomUUID();
  const request = (key: string) => ({ operation: 'test', actorId, key, request: { n: 1 } });

  it('lets a retry run again after an unexpected failure (5xx), writing nothing the first time', async () => {
    let runs = 0;
    const sideWrites = async () =>
      (
        await t.app.db
          .selectFrom('change_request_idempotency')
          .select('key')
          .where('operation', '=', 'side')
          .execute()
      ).length;
    const attempt = (fail: boolean) =>
      runIdempotently(t.app.db, request('boom'), async (trx) => {
        runs++;
        await trx
          .insertInto('change_request_idempotency')
          .values({
            operation: 'side',
            actor_id: actorId,
            key: `side-${runs}`,
            request_hash: 'x',
            status_code: 200,
            response: '{}',
          })
          .execute();
        if (fail) throw new Error('database went away');
        return { statusCode: 201, body: { runs } };
      });
    await expect(attempt(true)).rejects.toThrow('database went away');
    expect(await sideWrites()).toBe(0);
    const second = await attempt(false);
    expect(second).toEqual({ statusCode: 201, body: { runs: 2 }, replayed: false });
    expect(runs).toBe(2);
    expect(await sideWrites()).toBe(1);
  });

  it('lets a retry run again after a conflict (409)', async () => {
    let runs = 0;
    const attempt = (conflict: boolean) =>
      runIdempotently(t.app.db, request('conflict'), async () => {
        runs++;
        if (conflict) throw new ConflictError('the stack is locked');
        return { statusCode: 200, body: { runs } };
      });
    await expect(attempt(true)).rejects.toMatchObject({ status: 409 });
    expect((await attempt(false)).replayed).toBe(false);
    expect(runs).toBe(2);
  });
});

describe(`two identical requests racing (${testDatabaseUrl ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('approves once: both get the same answer, one of them replayed', async () => {
    const cr = await openRequest(dev);
    const headers = { 'idempotency-key': `race-${cr.id}` };
    const [a, b] = await Promise.all([
      act(t, reviewer, cr.id, 'approve', {}, headers),
      act(t, reviewer, cr.id, 'approve', {}, headers),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a, b].filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(1);
    expect(b.body).toEqual(a.body);
    expect((await get(t, reviewer, cr.id)).approvals.records).toHaveLength(1);
    expect(await auditCount('change_request.approve', cr.id)).toBe(1);
  });

  it('refuses once: both get the same refusal, one of them replayed, nothing recorded', async () => {
    const cr = await openRequest(author);
    const headers = { 'idempotency-key': `race-self-${cr.id}` };
    const [a, b] = await Promise.all([
      act(t, author, cr.id, 'approve', {}, headers),
      act(t, author, cr.id, 'approve', {}, headers),
    ]);
    expect([a.status, b.status]).toEqual([403, 403]);
    expect([a, b].filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(1);
    expect(withoutRequestId(b)).toEqual(withoutRequestId(a));
    expect((await get(t, author, cr.id)).approvals.records).toEqual([]);
  });
});
