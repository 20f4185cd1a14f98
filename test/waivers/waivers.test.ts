import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateArchitecture, evaluateTemplate } from '../../src/guardrails/evaluate.ts';
import { getCurrentPolicy } from '../../src/guardrails/policy/store/get-current-policy.ts';
import type { Architecture } from '../../src/model/architecture.ts';
import { validateWaiver } from '../../src/waivers/validate-waiver.ts';
import { listActiveWaivers } from '../../src/waivers/waiver-store.ts';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';

const DAY = 24 * 60 * 60 * 1000;
const inDays = (n: number, from = new Date()) => new Date(from.getTime() + n * DAY).toISOString();

/** Two prod databases in single-AZ: two prod-database-multi-az failures. */
const architecture: Architecture = {
  name: 'orders',
  team: 'payments',
  environment: 'prod',
  region: 'us-east-1',
  components: [
    { id: 'api', kind: 'function', params: {} },
    { id: 'orders-db', kind: 'postgres', params: { multi_az: false } },
    { id: 'ledger-db', kind: 'postgres', params: { multi_az: false } },
  ],
  connections: [
    { from: 'api', to: 'orders-db', access: 'readwrite' },
    { from: 'api', to: 'ledger-db', access: 'readwrite' },
  ],
};

let t: TestApp;
let policyAdmin: TestUser;
let reviewer: TestUser;
let developer: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  policyAdmin = await t.createUser({ roles: ['policy_admin'], name: 'pat' });
  reviewer = await t.createUser({ roles: ['reviewer'] });
  developer = await t.createUser({ roles: ['developer'], teams: ['payments'] });
});
afterAll(() => t.close());

function create(user: TestUser, body: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/v1/waivers', headers: user.headers, payload: body });
}

const valid = () => ({
  ruleId: 'prod-database-multi-az',
  scope: { component: 'ledger-db', environment: 'prod' as const },
  reason: 'Ledger replica migration in progress; single-AZ until cut-over.',
  owner: 'payments-oncall',
  expiresAt: inDays(14),
});

async function multiAzStatuses(now: Date): Promise<Record<string, string>> {
  const policy = await getCurrentPolicy(t.app.db);
  const waivers = await listActiveWaivers(t.app.db, now);
  const { findings } = evaluateArchitecture(architecture, {
    policy,
    waivers,
    context: { team: 'payments', environment: 'prod', now },
  });
  return Object.fromEntries(
    findings.filter((f) => f.ruleId === 'prod-database-multi-az').map((f) => [f.component, f.status]),
  );
}

describe('waivers', () => {
  it('suppress exactly their scope, and lapse at expiry', async () => {
    const res = await create(policyAdmin, valid());
    expect(res.statusCode).toBe(201);
    const waiver = res.json();
    expect(waiver).toMatchObject({
      state: 'active',
      createdBy: { name: 'pat' },
      scope: { component: 'ledger-db' },
    });

    const now = new Date();
    expect(await multiAzStatuses(now)).toEqual({ 'orders-db': 'fail', 'ledger-db': 'waived' });

    const policy = await getCurrentPolicy(t.app.db);
    const { findings } = evaluateArchitecture(architecture, {
      policy,
      waivers: await listActiveWaivers(t.app.db, now),
      context: { team: 'payments', environment: 'prod', now },
    });
    expect(
      findings.find((f) => f.component === 'ledger-db' && f.ruleId === 'prod-database-multi-az')?.waiverId,
    ).toBe(waiver.id);
    // In staging the same component is not covered (the waiver is scoped to prod).
    const staging = evaluateArchitecture(
      { ...architecture, environment: 'staging' },
      {
        policy,
        waivers: await listActiveWaivers(t.app.db, now),
        context: { team: 'payments', environment: 'staging', now },
      },
    );
    expect(staging.findings.filter((f) => f.status === 'waived')).toEqual([]);

    // After expiry the waiver no longer applies.
    const later = new Date(Date.parse(waiver.expiresAt) + 1000);
    expect(await listActiveWaivers(t.app.db, later)).not.toContainEqual(
      expect.objectContaining({ id: waiver.id }),
    );
    expect(await multiAzStatuses(later)).toEqual({ 'orders-db': 'fail', 'ledger-db': 'fail' });
    // The engine also judges expiry itself when handed a stale list.
    const stale = evaluateArchitecture(architecture, {
      policy,
      waivers: await listActiveWaivers(t.app.db, now),
      context: { team: 'payments', environment: 'prod', now: later },
    });
    expect(stale.findings.filter((f) => f.status === 'waived')).toEqual([]);

    // Revoked: gone from the active list, audited.
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/v1/waivers/${waiver.id}/revoke`,
      headers: policyAdmin.headers,
      payload: { reason: 'cut-over done' },
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({
      state: 'revoked',
      revokedBy: 'pat',
      revokeReason: 'cut-over done',
    });
    expect(await multiAzStatuses(new Date())).toEqual({ 'orders-db': 'fail', 'ledger-db': 'fail' });
    const again = await t.app.inject({
      method: 'POST',
      url: `/v1/waivers/${waiver.id}/revoke`,
      headers: policyAdmin.headers,
      payload: {},
    });
    expect(again.statusCode).toBe(409);
    const audit = await t.app.audit.list({ subjectType: 'waiver', subjectId: waiver.id });
    expect(audit.map((e) => e.action).sort()).toEqual(['waiver.create', 'waiver.revoke']);
  });

  it('requires an expiry in the future and within the policy maximum, naming the field', async () => {
    const past = await create(policyAdmin, { ...valid(), expiresAt: inDays(-1) });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors).toEqual([
      { path: 'body.expiresAt', message: expect.stringContaining('in the past') },
    ]);

    const tooFar = await create(policyAdmin, { ...valid(), expiresAt: inDays(91) });
    expect(tooFar.statusCode).toBe(400);
    expect(tooFar.json().errors[0]).toMatchObject({
      path: 'body.expiresAt',
      message: expect.stringContaining('more than 90 days'),
    });

    const { expiresAt: _e, ...noExpiry } = valid();
    const missing = await create(policyAdmin, noExpiry);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe('body.expiresAt');

    const unknownRule = await create(policyAdmin, { ...valid(), ruleId: 'no-such-rule' });
    expect(unknownRule.statusCode).toBe(400);
    expect(unknownRule.json().errors[0].path).toBe('body.ruleId');

    const noScope = await create(policyAdmin, { ...valid(), scope: {} });
    expect(noScope.statusCode).toBe(400);
    expect(noScope.json().errors[0].path).toMatch(/^body\.scope/);
  });

  it('follows the policy waivers.maxDays', () => {
    const now = new Date('2026-11-22T00:00:00Z');
    const input = { ...valid(), expiresAt: inDays(20, now) };
    expect(validateWaiver(input, { now, maxDays: 30 })).toEqual([]);
    expect(validateWaiver(input, { now, maxDays: 10 })[0]).toMatchObject({ path: 'body.expiresAt' });
  });

  it('lists with filters; reviewers read, only policy admins write', async () => {
    const a = (
      await create(policyAdmin, { ...valid(), ruleId: 'orphan-component', scope: { team: 'web' } })
    ).json();
    const b = (
      await create(policyAdmin, { ...valid(), ruleId: 'queue-has-consumer', scope: { team: 'payments' } })
    ).json();
    const list = async (query: string) => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/v1/waivers?${query}`,
        headers: reviewer.headers,
      });
      expect(res.statusCode).toBe(200);
      return res.json().waivers.map((w: { id: string }) => w.id) as string[];
    };
    expect(await list('team=web')).toEqual([a.id]);
    expect(await list('ruleId=queue-has-consumer')).toEqual([b.id]);
    const active = await list('state=active');
    expect(active).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await list('state=expired')).toEqual([]);
    const one = await t.app.inject({ method: 'GET', url: `/v1/waivers/${a.id}`, headers: reviewer.headers });
    expect(one.json()).toMatchObject({ id: a.id, ruleId: 'orphan-component' });

    expect((await create(developer, valid())).statusCode).toBe(403);
    expect((await create(reviewer, valid())).statusCode).toBe(403);
    const devRevoke = await t.app.inject({
      method: 'POST',
      url: `/v1/waivers/${a.id}/revoke`,
      headers: developer.headers,
      payload: {},
    });
    expect(devRevoke.statusCode).toBe(403);
    const devList = await t.app.inject({ method: 'GET', url: '/v1/waivers', headers: developer.headers });
    expect(devList.statusCode).toBe(403);
    const missing = await t.app.inject({
      method: 'GET',
      url: `/v1/waivers/${crypto.randomUUID()}`,
      headers: reviewer.headers,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('scoped to a finding fingerprint, waive that one finding and no other', async () => {
    const template = {
      Resources: {
        Logs: { Type: 'AWS::S3::Bucket', Properties: {} },
        Data: { Type: 'AWS::S3::Bucket', Properties: {} },
      },
    };
    const now = new Date();
    const run = async () =>
      evaluateTemplate(template, {
        policy: await getCurrentPolicy(t.app.db),
        waivers: await listActiveWaivers(t.app.db, now),
        context: { team: 'web', environment: 'dev', now },
      }).findings;
    const before = await run();
    const target = before.find((f) => f.resource === 'Logs' && f.status === 'fail');
    expect(target).toBeDefined();
    const res = await create(policyAdmin, {
      ruleId: target?.ruleId,
      scope: { fingerprint: target?.fingerprint },
      reason: 'Access logs bucket cannot log to itself.',
      owner: 'web-team',
      expiresAt: inDays(30),
    });
    expect(res.statusCode).toBe(201);
    const after = await run();
    const changed = after.filter((f) => f.status === 'waived');
    expect(changed.map((f) => [f.resource, f.ruleId, f.waiverId])).toEqual([
      ['Logs', target?.ruleId, res.json().id],
    ]);
    // The same rule on the other bucket still fails.
    expect(after.find((f) => f.resource === 'Data' && f.ruleId === target?.ruleId)?.status).toBe(
      before.find((f) => f.resource === 'Data' && f.ruleId === target?.ruleId)?.status,
    );
  });
});
