import { describe, expect, it } from 'vitest';
import { parseTemplateSource } from '../../../src/cfn/parse-template-source.ts';
import { evaluateTemplate } from '../../../src/guardrails/evaluate.ts';
import type { Finding } from '../../../src/guardrails/rule.ts';

const context = { team: 'payments', environment: 'prod' };

function check(text: string, region = 'us-east-1') {
  const source = parseTemplateSource(text);
  const evaluation = evaluateTemplate(source.template, { context, deployment: { region } });
  return { ...evaluation, locate: source.locate };
}

function find(findings: Finding[], ruleId: string): Finding | undefined {
  return findings.find((f) => f.ruleId === ruleId);
}

const legacyFunction = `Transform: AWS::Serverless-2016-10-31
Resources:
  Hello:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python2.7
      Handler: app.handler
      CodeUri: s3://artifacts/hello.zip
      Policies:
        - AdministratorAccess
`;

describe('SAM templates are checked', () => {
  it('finds the deprecated runtime and the administrator policy of a SAM function, on the lines written', () => {
    const { findings, summary, locate } = check(legacyFunction);
    const runtime = find(findings, 'lambda-supported-runtime');
    expect(runtime).toMatchObject({
      status: 'fail',
      resource: 'Hello',
      resourceType: 'AWS::Serverless::Function',
      path: '/Resources/Hello/Properties/Runtime',
    });
    expect(locate(runtime?.path ?? '')).toEqual({ line: 6, column: 7 });
    const admin = find(findings, 'iam-no-administrator-access-policy');
    expect(admin).toMatchObject({
      status: 'fail',
      resource: 'Hello',
      path: '/Resources/Hello/Properties/Policies/0',
      generated: { logicalId: 'HelloRole', type: 'AWS::IAM::Role' },
    });
    expect(admin?.message).toContain('arn:aws:iam::aws:policy/AdministratorAccess');
    expect(admin?.fix).toBeUndefined();
    expect(locate(admin?.path ?? '')).toEqual({ line: 10, column: 11 });
    expect(summary).toMatchObject({ resources: 1, notChecked: 0 });
  });

  it('points at the Globals section when the value came from there', () => {
    const { findings } = check(`Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: nodejs16.x
Resources:
  A:
    Type: AWS::Serverless::Function
    Properties: { Handler: index.handler, InlineCode: "exports.handler = async () => 1" }
`);
    expect(find(findings, 'lambda-supported-runtime')).toMatchObject({
      resource: 'A',
      path: '/Globals/Function/Runtime',
    });
  });

  it('uses the partition of --region for AWS managed policy ARNs', () => {
    const { findings } = check(legacyFunction, 'cn-north-1');
    expect(find(findings, 'iam-no-administrator-access-policy')?.message).toContain(
      'arn:aws-cn:iam::aws:policy/AdministratorAccess',
    );
  });

  it('says unknown, not pass, for a policy template it does not model', () => {
    const { findings } = check(`Transform: AWS::Serverless-2016-10-31
Resources:
  A:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: s3://artifacts/a.zip
      Policies: [{ GlueStartJobRunPolicy: {} }]
`);
    const unknown = findings.find(
      (f) => f.status === 'unknown' && f.message.includes('GlueStartJobRunPolicy'),
    );
    expect(unknown).toMatchObject({ resource: 'A', path: '/Resources/A/Properties/Policies/0' });
  });

  it('counts SAM resources it does not expand as not checked, by type', () => {
    const { summary, findings } = check(`Transform: AWS::Serverless-2016-10-31
Resources:
  Nested:
    Type: AWS::Serverless::Application
    Properties: { Location: https://example.com/app.yaml }
  Table:
    Type: AWS::Serverless::SimpleTable
`);
    expect(summary.notChecked).toBe(1);
    expect(summary.notCheckedTypes).toEqual({ 'AWS::Serverless::Application': 1 });
    expect(findings.some((f) => f.resource === 'Table')).toBe(true);
  });

  it('reports an event type it does not model as an unknown, not in silence', () => {
    const { findings } = check(`Transform: AWS::Serverless-2016-10-31
Resources:
  A:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: s3://artifacts/a.zip
      Events:
        Hook: { Type: SomethingNew, Properties: {} }
`);
    expect(find(findings, 'template-transform')).toMatchObject({
      status: 'unknown',
      resource: 'A',
      path: '/Resources/A/Properties/Events/Hook',
    });
  });
});
