import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { diffTemplates } from '../../src/diff/diff-templates.ts';
import { emptyArchitecture } from '../../src/model/architecture.ts';
import type { Proposal } from '../../src/proposal/proposal.ts';
import { insertProposal } from '../../src/proposal/proposal-repository.ts';
import { type CfnStandIn, startCfnStandIn } from '../support/cfn-stand-in.ts';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';

const BASELINE_YAML = `Resources:
  Jobs:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 30
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: false
      DBName: !Ref AWS::StackName
`;

const proposed = {
  Resources: {
    Jobs: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 60 } },
    Db: {
      Type: 'AWS::RDS::DBInstance',
      Properties: { Engine: 'postgres', StorageEncrypted: true, DBName: { Ref: 'AWS::StackName' } },
    },
    Bucket: { Type: 'AWS::S3::Bucket', Properties: {} },
  },
};

let t: TestApp;
let dev: TestUser;
let otherDev: TestUser;
let reviewer: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
  otherDev = await t.createUser({ roles: ['developer'], teams: ['search'] });
  reviewer = await t.createUser({ roles: ['reviewer'] });
});

afterAll(() => t.close());

/** `user` calling `method url`, with `payload` as the body when given. */
function inject(user: TestUser, method: 'GET' | 'POST', url: string, payload?: InjectOptions['payload']) {
  return t.app.inject({ method, url, headers: user.headers, ...(payload === undefined ? {} : { payload }) });
}

describe('stacks and baselines', () => {
  it('lets a team developer register a stack and refuses developers of other teams', async () => {
    const created = await inject(dev, 'POST', '/v1/stacks', {
      team: 'payments',
      app: 'Orders API',
      environment: 'prod',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'payments-orders-api-prod',
      team: 'payments',
      app: 'orders-api',
    });

    const again = await inject(dev, 'POST', '/v1/stacks', {
      team: 'payments',
      app: 'orders-api',
      environment: 'prod',
    });
    expect(again.statusCode).toBe(409);

    const foreign = await inject(otherDev, 'POST', '/v1/stacks', {
      team: 'payments',
      app: 'other',
      environment: 'dev',
    });
    expect(foreign.statusCode).toBe(403);
  });

  it('imports a baseline from template text, audited, and diffs proposals against it', async () => {
    const denied = await inject(dev, 'POST', '/v1/stacks/payments-api-prod/baseline/import', {
      template: BASELINE_YAML,
      team: 'payments',
      app: 'api',
      environment: 'prod',
    });
    expect(denied.statusCode).toBe(403);

    const imported = await inject(reviewer, 'POST', '/v1/stacks/payments-api-prod/baseline/import', {
      template: BASELINE_YAML,
      team: 'payments',
      app: 'api',
      environment: 'prod',
    });
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({ stackName: 'payments-api-prod', version: 1, source: 'imported' });
    expect(imported.json().template.Resources.Db.Properties.DBName).toEqual({ Ref: 'AWS::StackName' });

    const audit = await t.app.audit.list({ subjectType: 'stack', subjectId: 'payments-api-prod' });
    expect(audit.map((e) => [e.action, e.actor.name, e.summary.version])).toEqual([
      ['stack.baseline.import', reviewer.user.name, 1],
    ]);

    const detail = await inject(dev, 'GET', '/v1/stacks/payments-api-prod');
    expect(detail.statusCode).toBe(200);
    expect(detail.json().history).toHaveLength(1);
    const v1 = await inject(dev, 'GET', '/v1/stacks/payments-api-prod/baselines/1');
    expect(v1.statusCode).toBe(200);
    expect(Object.keys(v1.json().template.Resources)).toEqual(['Jobs', 'Db']);
    const v9 = await inject(dev, 'GET', '/v1/stacks/payments-api-prod/baselines/9');
    expect(v9.statusCode).toBe(404);

    const diff = await inject(dev, 'POST', '/v1/stacks/payments-api-prod/diff', {
      template: proposed,
      costBefore: 40,
      costAfter: 52.5,
      format: 'markdown',
    });
    expect(diff.statusCode).toBe(200);
    const body = diff.json();
    expect(body.baseline).toEqual({ source: 'store', version: 1 });
    expect(body.diff.summaryLine).toBe('1 to add, 1 to change, 1 to replace, 0 to destroy');
    expect(
      body.diff.resources.map((r: { logicalId: string; action: string }) => [r.logicalId, r.action]),
    ).toEqual([
      ['Db', 'replace'],
      ['Jobs', 'update'],
      ['Bucket', 'create'],
    ]);
    expect(body.diff.cost).toEqual({
      currency: 'USD',
      monthlyBefore: 40,
      monthlyAfter: 52.5,
      monthlyDelta: 12.5,
      unpriced: { before: [], after: [] },
    });
    expect(body.rendered).toContain('| 🔴 replace | `Db` | AWS::RDS::DBInstance |');
  });

  it('diffs against nothing for a stack without a baseline', async () => {
    const res = await inject(dev, 'POST', '/v1/stacks/payments-new-dev/diff', { template: proposed });
    expect(res.statusCode).toBe(200);
    expect(res.json().baseline).toEqual({ source: 'none', version: null });
    expect(res.json().diff.newStack).toBe(true);
    expect(res.json().diff.summaryLine).toBe('3 to add, 0 to change, 0 to replace, 0 to destroy');
  });

  it('says where a template cannot be parsed', async () => {
    const res = await inject(dev, 'POST', '/v1/stacks/payments-api-prod/diff', {
      template: 'Resources:\n  Db:\n    Type: [unclosed',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().type).toBe('https://infra-copilot.dev/problems/template-parse-error');
  });

  it('rejects an invalid stack name and unknown stacks', async () => {
    const bad = await inject(dev, 'GET', '/v1/stacks/Not_A_Stack');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().type).toBe('https://infra-copilot.dev/problems/invalid-stack-name');
    const missing = await inject(dev, 'GET', '/v1/stacks/nobody-api-prod');
    expect(missing.statusCode).toBe(404);
    const importMissing = await inject(reviewer, 'POST', '/v1/stacks/nobody-api-prod/baseline/import', {
      template: proposed,
    });
    expect(importMissing.statusCode).toBe(404);
  });

  it('refuses an import from AWS when AWS is not configured', async () => {
    const res = await inject(reviewer, 'POST', '/v1/stacks/payments-orders-api-prod/baseline/import', {
      fromAws: true,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().type).toBe('https://infra-copilot.dev/problems/aws-not-configured');
  });

  it('lists stacks by name with their current baseline', async () => {
    for (const app of ['zeta', 'alpha']) {
      const res = await inject(dev, 'POST', '/v1/stacks', { team: 'payments', app, environment: 'staging' });
      expect(res.statusCode).toBe(201);
    }
    const res = await inject(otherDev, 'GET', '/v1/stacks?team=payments');
    expect(res.statusCode).toBe(200);
    const stacks = res.json().stacks as Array<{ name: string; baseline: { version: number } | null }>;
    const names = stacks.map((s) => s.name);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['payments-alpha-staging', 'payments-zeta-staging']));
    expect(stacks.find((s) => s.name === 'payments-alpha-staging')?.baseline).toBeNull();
    const other = await inject(otherDev, 'GET', '/v1/stacks?team=search');
    expect(other.json().stacks).toEqual([]);
  });
});

describe('diffing a stored proposal', () => {
  async function storedProposal(team: string): Promise<string> {
    const conversationId = randomUUID();
    const architecture = emptyArchitecture({ name: 'jobs', team, environment: 'prod' });
    await sql`insert into conversations (id, owner_id, owner_name, team, environment, channel, architecture)
      values (${conversationId}, ${dev.user.id}, ${dev.user.name}, ${team}, 'prod', 'api', ${JSON.stringify(architecture)})`.execute(
      t.app.db,
    );
    const proposal = {
      id: randomUUID(),
      conversationId,
      architecture,
      findings: [],
      summary: { architecture: {}, template: {}, blocking: 0 },
      fixesApplied: [],
      template: proposed,
      templateYaml: '',
      diff: diffTemplates(null, proposed),
      cost: { currency: 'USD', monthlyTotal: 18.25, byComponent: {}, detail: null },
      stackName: `${team}-jobs-prod`,
      policyVersion: 0,
      createdAt: new Date().toISOString(),
    } as unknown as Proposal;
    await insertProposal(t.app.db, proposal, 1);
    return proposal.id;
  }

  it('diffs the proposal template against the current baseline, for its team', async () => {
    const id = await storedProposal('payments');
    const res = await inject(dev, 'POST', '/v1/stacks/payments-jobs-prod/diff', { proposalId: id });
    expect(res.statusCode).toBe(200);
    expect(res.json().diff.summaryLine).toBe('3 to add, 0 to change, 0 to replace, 0 to destroy');
    expect(res.json().diff.cost).toEqual({
      currency: 'USD',
      monthlyBefore: 0,
      monthlyAfter: 18.25,
      monthlyDelta: 18.25,
      unpriced: { before: [], after: [] },
    });

    const foreign = await inject(otherDev, 'POST', '/v1/stacks/payments-jobs-prod/diff', { proposalId: id });
    expect(foreign.statusCode).toBe(403);
    const byReviewer = await inject(reviewer, 'POST', '/v1/stacks/payments-jobs-prod/diff', {
      proposalId: id,
      format: 'text',
    });
    expect(byReviewer.statusCode).toBe(200);
    expect(byReviewer.json().rendered).toContain('[+] create AWS::S3::Bucket Bucket');
  });

  it('says when the proposal does not exist', async () => {
    const res = await inject(dev, 'POST', '/v1/stacks/payments-jobs-prod/diff', { proposalId: randomUUID() });
    expect(res.statusCode).toBe(404);
  });
});

describe('with AWS configured', () => {
  let aws: TestApp;
  let cfn: CfnStandIn;
  let awsReviewer: TestUser;

  beforeAll(async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDTESTTESTTEST');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test-secret-not-real');
    cfn = await startCfnStandIn();
    aws = await createTestApp({ config: { AWS_REGION: 'us-east-1', CFN_ENDPOINT: cfn.url } });
    awsReviewer = await aws.createUser({ roles: ['reviewer'] });
  });

  afterAll(async () => {
    await aws.close();
    await cfn.close();
    vi.unstubAllEnvs();
  });

  it('imports the deployed template read with GetTemplate', async () => {
    cfn.putStack('ledger-core-prod', BASELINE_YAML);
    const reads = cfn.count('GetTemplate');
    const res = await aws.app.inject({
      method: 'POST',
      url: '/v1/stacks/ledger-core-prod/baseline/import',
      headers: awsReviewer.headers,
      payload: { fromAws: true, team: 'ledger', app: 'core', environment: 'prod' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ version: 1, source: 'aws', createdBy: awsReviewer.user.name });
    expect(Object.keys(res.json().template.Resources)).toEqual(['Jobs', 'Db']);
    expect(cfn.count('GetTemplate')).toBe(reads + 1);
  });

  it('says when AWS has no such stack', async () => {
    const res = await aws.app.inject({
      method: 'POST',
      url: '/v1/stacks/ledger-gone-prod/baseline/import',
      headers: awsReviewer.headers,
      payload: { fromAws: true, team: 'ledger', app: 'gone', environment: 'prod' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().type).toBe('https://infra-copilot.dev/problems/deployed-stack-not-found');
  });

  it('diffs against the deployed template when the store has no baseline', async () => {
    cfn.putStack('ledger-batch-dev', BASELINE_YAML);
    const res = await aws.app.inject({
      method: 'POST',
      url: '/v1/stacks/ledger-batch-dev/diff',
      headers: awsReviewer.headers,
      payload: { template: proposed, format: 'text' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().baseline).toEqual({ source: 'aws', version: null });
    expect(res.json().rendered).toContain('Stack diff: 1 to add, 1 to change, 1 to replace, 0 to destroy');
  });
});
