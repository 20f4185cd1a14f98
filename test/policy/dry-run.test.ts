import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePolicy } from '../../src/guardrails/policy/compile-policy.ts';
import { type DryRunSubject, dryRunPolicy } from '../../src/guardrails/policy/dry-run-policy.ts';
import { parsePolicy } from '../../src/guardrails/policy/parse-policy.ts';
import type {} from '../../src/stacks/tables.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const CURRENT = `version: 1
rules:
  orphan-component: { severity: info }
`;
const DRAFT = `version: 1
rules:
  orphan-component: { severity: warning }
  prod-database-multi-az: { enabled: false }
customRules:
  - id: buckets-named
    title: Buckets have explicit names
    severity: warning
    rationale: Names make buckets findable.
    remediation: Set BucketName.
    resourceType: AWS::S3::Bucket
    condition: { exists: BucketName }
`;

const subjects: DryRunSubject[] = [
  {
    subject: { type: 'proposal', id: 'p-1', label: 'orders' },
    architecture: {
      name: 'orders',
      team: 'payments',
      environment: 'prod',
      region: 'us-east-1',
      components: [
        { id: 'api', kind: 'function', params: {} },
        { id: 'orders-db', kind: 'postgres', params: { multi_az: false } },
        { id: 'stray', kind: 'secret', params: {} },
      ],
      connections: [{ from: 'api', to: 'orders-db', access: 'readwrite' }],
    },
    team: 'payments',
    environment: 'prod',
  },
  {
    subject: { type: 'baseline', id: 'web-dev@3' },
    template: {
      Resources: {
        Named: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'named' } },
        Unnamed: { Type: 'AWS::S3::Bucket', Properties: {} },
      },
    },
    team: 'web',
    environment: 'dev',
  },
  {
    subject: { type: 'baseline', id: 'empty@1' },
    template: { Resources: {} },
    team: 'web',
    environment: 'dev',
  },
];

function compiled(text: string, version: number) {
  return compilePolicy(parsePolicy(text, { source: `v${version}` }), version);
}

describe('dryRunPolicy', () => {
  it('reports the findings a draft adds, removes and changes, per subject', () => {
    const report = dryRunPolicy(compiled(CURRENT, 4), compiled(DRAFT, 5), subjects, {
      now: new Date('2026-11-22T00:00:00Z'),
    });
    expect(report.currentVersion).toBe(4);
    expect(report.subjectsChecked).toBe(3);
    expect(report.subjects.map((s) => s.subject.id)).toEqual(['p-1', 'web-dev@3']);
    const [proposal, baseline] = report.subjects;
    expect(proposal?.added).toEqual([]);
    expect(proposal?.removed.map((f) => [f.ruleId, f.component, f.status])).toEqual([
      ['prod-database-multi-az', 'orders-db', 'fail'],
    ]);
    expect(
      proposal?.changed.map((c) => [c.after.ruleId, c.after.component, c.before.severity, c.after.severity]),
    ).toEqual([['orphan-component', 'stray', 'info', 'warning']]);
    expect(baseline?.added.map((f) => [f.ruleId, f.resource])).toEqual([['buckets-named', 'Unnamed']]);
    expect(baseline?.removed).toEqual([]);
    expect(report.totals).toEqual({ added: 1, removed: 1, changed: 1 });
  });

  it('reports nothing for an identical draft', () => {
    const report = dryRunPolicy(compiled(DRAFT, 1), compiled(DRAFT, 2), subjects);
    expect(report.subjects).toEqual([]);
    expect(report.totals).toEqual({ added: 0, removed: 0, changed: 0 });
  });
});

describe('POST /v1/policies/dry-run', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('checks the current stack baselines against the draft', async () => {
    const admin = await t.createUser({ roles: ['policy_admin'] });
    await t.app.db
      .insertInto('stacks')
      .values({ name: 'web-dev', team: 'web', app: 'web', environment: 'dev', created_by: 'test' })
      .execute();
    const template = (props: Record<string, unknown>) =>
      JSON.stringify({ Resources: { Site: { Type: 'AWS::S3::Bucket', Properties: props } } });
    for (const [version, props] of [
      [1, {}],
      [2, { BucketName: 'site' }],
    ] as const) {
      await t.app.db
        .insertInto('stack_baselines')
        .values({
          id: crypto.randomUUID(),
          stack_name: 'web-dev',
          version,
          template: template(props),
          source: 'imported',
          change_request_id: null,
          created_by: 'test',
        })
        .execute();
    }
    const current = await t.app.inject({
      method: 'GET',
      url: '/v1/policies/current',
      headers: admin.headers,
    });
    // Draft = the current org policy plus one custom rule requiring a Tags list on buckets.
    const withRule = current
      .json()
      .text.replace(
        'customRules:\n',
        'customRules:\n  - id: buckets-tagged\n    title: Buckets are tagged\n    severity: warning\n    rationale: Cost allocation.\n    remediation: Add Tags.\n    resourceType: AWS::S3::Bucket\n    condition: { exists: Tags }\n\n',
      );
    expect(withRule).toContain('buckets-tagged');
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/policies/dry-run',
      headers: admin.headers,
      payload: { text: withRule },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.currentVersion).toBe(1);
    const subject = body.subjects.find((s: { subject: { id: string } }) => s.subject.id === 'web-dev@2');
    expect(subject).toMatchObject({ team: 'web', environment: 'dev', removed: [], changed: [] });
    expect(subject.added.map((f: { ruleId: string; resource: string }) => [f.ruleId, f.resource])).toEqual([
      ['buckets-tagged', 'Site'],
    ]);
    // Only the current baseline (version 2) is checked.
    expect(body.subjects.some((s: { subject: { id: string } }) => s.subject.id === 'web-dev@1')).toBe(false);

    // Recent proposals (the planner's table) are re-checked too, with their architecture and template.
    const conversationId = crypto.randomUUID();
    const proposalId = crypto.randomUUID();
    const architecture = {
      name: 'site',
      team: 'web',
      environment: 'dev',
      region: 'us-east-1',
      components: [{ id: 'assets', kind: 'bucket', params: {} }],
      connections: [],
    };
    await sql`insert into conversations (id, owner_id, owner_name, channel, architecture)
      values (${conversationId}, ${admin.user.id}, 'x', 'api', ${JSON.stringify(architecture)}::jsonb)`.execute(
      t.app.db,
    );
    await sql`insert into proposals (id, conversation_id, turn_seq, architecture, findings, summary, fixes_applied,
        template, template_yaml, diff, policy_version)
      values (${proposalId}, ${conversationId}, 1, ${JSON.stringify(architecture)}::jsonb, '[]'::jsonb, '{}'::jsonb,
        '[]'::jsonb, ${template({})}::jsonb, '', '{}'::jsonb, 1)`.execute(t.app.db);
    const again = await t.app.inject({
      method: 'POST',
      url: '/v1/policies/dry-run',
      headers: admin.headers,
      payload: { text: withRule },
    });
    const proposal = again
      .json()
      .subjects.find((s: { subject: { type: string; id: string } }) => s.subject.id === proposalId);
    expect(proposal).toMatchObject({
      subject: { type: 'proposal', label: 'site' },
      team: 'web',
      environment: 'dev',
    });
    expect(proposal.added.map((f: { ruleId: string; resource: string }) => [f.ruleId, f.resource])).toEqual([
      ['buckets-tagged', 'Site'],
    ]);

    const invalid = await t.app.inject({
      method: 'POST',
      url: '/v1/policies/dry-run',
      headers: admin.headers,
      payload: { text: 'version: 2\n' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors[0]).toMatchObject({ line: 1, path: 'version' });
  });
});

describe('dry-run of a budget change', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('re-checks recent proposals against a lower team budget with their stored cost', async () => {
    const dev = await t.createUser({ roles: ['developer'], teams: ['ledger'] });
    const admin = await t.createUser({ roles: ['policy_admin'] });
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/conversations',
      headers: dev.headers,
      payload: { team: 'ledger', environment: 'prod' },
    });
    const turn = await t.app.inject({
      method: 'POST',
      url: `/v1/conversations/${created.json().id}/messages`,
      headers: dev.headers,
      payload: { text: 'a postgres database and a function that reads it' },
    });
    expect(turn.statusCode).toBe(200);
    const proposal = turn.json().proposal as { id: string; cost: { monthlyTotal: number } };
    expect(proposal.cost.monthlyTotal).toBeGreaterThan(10);

    const current = await t.app.inject({
      method: 'GET',
      url: '/v1/policies/current',
      headers: admin.headers,
    });
    const draft = current.json().text.replace(/defaultBudgetUsd: \d+/, 'defaultBudgetUsd: 10');
    expect(draft).toContain('defaultBudgetUsd: 10\n');
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/policies/dry-run',
      headers: admin.headers,
      payload: { text: draft },
    });
    expect(res.statusCode).toBe(200);
    const subject = res
      .json()
      .subjects.find((s: { subject: { id: string } }) => s.subject.id === proposal.id);
    const budget = subject?.added.find((f: { ruleId: string }) => f.ruleId === 'team-monthly-budget');
    expect(budget).toMatchObject({ status: 'fail', severity: 'error' });
    expect(budget.message).toContain('(none deployed)');
  });
});
