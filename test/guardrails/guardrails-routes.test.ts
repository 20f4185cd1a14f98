import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';

let t: TestApp;
let dev: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
});
afterAll(() => t.close());

const yaml = [
  'Resources:',
  '  Site:',
  '    Type: AWS::S3::Bucket',
  '    Properties:',
  '      PublicAccessBlockConfiguration:',
  '        BlockPublicAcls: !Ref AWS::NoValue',
  '',
].join('\n');

function evaluate(payload: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/v1/guardrails/evaluate',
    headers: { ...dev.headers, ...headers },
    payload: payload as string,
  });
}

describe('POST /v1/guardrails/evaluate', () => {
  it('evaluates YAML text with short-form tags, locating findings to lines', async () => {
    const res = await evaluate({ template: yaml, team: 'checkout', environment: 'prod' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const finding = body.findings.find((f: { ruleId: string }) => f.ruleId === 's3-bucket-block-public-acls');
    expect(finding).toMatchObject({
      status: 'fail',
      severity: 'error',
      resource: 'Site',
      path: '/Resources/Site/Properties/PublicAccessBlockConfiguration/BlockPublicAcls',
      line: 6,
      fix: {
        safe: true,
        patch: [
          {
            op: 'replace',
            path: '/Resources/Site/Properties/PublicAccessBlockConfiguration/BlockPublicAcls',
            value: true,
          },
        ],
      },
    });
    expect(body.summary.errors).toBeGreaterThanOrEqual(1);
    expect(body.summary.resources).toBe(1);
  });

  it('evaluates a template object and a raw YAML body', async () => {
    const object = await evaluate({ template: { Resources: { Site: { Type: 'AWS::S3::Bucket' } } } });
    expect(object.statusCode).toBe(200);
    expect(
      object.json().findings.some((f: { ruleId: string }) => f.ruleId === 's3-bucket-block-public-acls'),
    ).toBe(true);
    const raw = await evaluate(yaml, { 'content-type': 'application/yaml' });
    expect(raw.statusCode).toBe(200);
    expect(raw.json().summary.resources).toBe(1);
  });

  it('evaluates an architecture against the architecture rules', async () => {
    const res = await evaluate({
      architecture: {
        name: 'shop',
        team: 'web',
        environment: 'prod',
        region: 'us-east-1',
        components: [{ id: 'orders-db', kind: 'postgres', params: { multi_az: false } }],
        connections: [],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().findings.some((f: { component?: string }) => f.component === 'orders-db')).toBe(true);
  });

  it('answers garbage with a 400 naming the line and column, never a 500', async () => {
    const res = await evaluate({ template: 'Resources:\n  A:\n    Type: [oops\n' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      type: 'https://infra-copilot.dev/problems/template-parse-error',
      line: expect.any(Number),
      column: expect.any(Number),
    });
    for (const payload of [
      { template: { Resources: 'x' } },
      { template: 'just text' },
      {},
      { template: yaml, architecture: {} },
    ]) {
      expect((await evaluate(payload)).statusCode).toBe(400);
    }
    const rawGarbage = await evaluate('{"Resources": ', { 'content-type': 'application/json' });
    expect(rawGarbage.statusCode).toBe(400);
  });

  it('accepts templates up to 5 MB and refuses larger ones with 413', async () => {
    const resources: Record<string, unknown> = {};
    for (let i = 0; i < 500; i += 1) {
      resources[`Topic${i}`] = {
        Type: 'AWS::SNS::Topic',
        Metadata: { note: 'x'.repeat(8000) },
        Properties: { TopicName: `t${i}` },
      };
    }
    const big = await evaluate({ template: { Resources: resources } });
    expect(big.statusCode).toBe(200);
    expect(big.json().summary.resources).toBe(500);
    const tooBig = await evaluate({ template: 'x'.repeat(5 * 1024 * 1024 + 10) });
    expect(tooBig.statusCode).toBe(413);
  });

  it('applies the active waivers from the store, each to its scope only', async () => {
    const admin = await t.createUser({ roles: ['policy_admin'] });
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/waivers',
      headers: admin.headers,
      payload: {
        ruleId: 's3-bucket-block-public-acls',
        scope: { resource: 'Site', team: 'payments' },
        reason: 'public downloads bucket until the CDN lands',
        owner: 'alice',
        expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    });
    expect(created.statusCode).toBe(201);
    const status = async (team: string) => {
      const res = await evaluate({ template: yaml, team, environment: 'prod' });
      return res.json().findings.find((f: { ruleId: string }) => f.ruleId === 's3-bucket-block-public-acls');
    };
    expect(await status('payments')).toMatchObject({ status: 'waived', waiverId: created.json().id });
    expect(await status('web')).toMatchObject({ status: 'fail' });
  });

  it('checks SAM templates and counts what no rule covers', async () => {
    const sam = [
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Hello:',
      '    Type: AWS::Serverless::Function',
      '    Properties: { Runtime: python2.7, Handler: app.handler, CodeUri: s3://b/k.zip, Policies: [AdministratorAccess] }',
      '  Wait:',
      '    Type: AWS::CloudFormation::WaitConditionHandle',
      '',
    ].join('\n');
    const res = await evaluate({ template: sam, region: 'us-east-1' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'iam-no-administrator-access-policy',
        resource: 'Hello',
        resourceType: 'AWS::Serverless::Function',
        generated: expect.objectContaining({ logicalId: 'HelloRole', type: 'AWS::IAM::Role' }),
        line: 5,
      }),
    );
    expect(body.summary).toMatchObject({
      resources: 2,
      notChecked: 1,
      notCheckedTypes: { 'AWS::CloudFormation::WaitConditionHandle': 1 },
    });
  });

  it('refuses Rain sources with a 400 that says to package them first', async () => {
    const res = await evaluate({ template: 'Resources:\n  A:\n    Type: !Rain::Module ./bucket.yaml\n' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      type: 'https://infra-copilot.dev/problems/template-parse-error',
      detail: expect.stringContaining('rain pkg'),
      line: 3,
    });
  });

  it('requires authentication', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/guardrails/evaluate',
      payload: { template: yaml },
    });
    expect(res.statusCode).toBe(401);
  });
});
