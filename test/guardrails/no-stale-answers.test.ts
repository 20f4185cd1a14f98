import { describe, expect, it } from 'vitest';
import { evaluateTemplate } from '../../src/guardrails/evaluate.ts';

/**
 * The engine caches what it resolves (paths split once per process, intrinsics once per evaluation). None of
 * it may leak into the next evaluation: the same template object, changed in place, or evaluated with other
 * parameters, must get the answer for what it is now.
 */
function fixture() {
  const statement: Record<string, unknown> = {
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: 'arn:aws:s3:::b/*',
  };
  const bucket: Record<string, unknown> = {
    Type: 'AWS::S3::Bucket',
    Properties: { VersioningConfiguration: { Status: { 'Fn::If': ['IsProd', 'Enabled', 'Suspended'] } } },
  };
  const template = {
    Parameters: { Env: { Type: 'String', Default: 'prod' } },
    Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
    Resources: {
      Bucket: bucket,
      Role: {
        Type: 'AWS::IAM::Role',
        Properties: { Policies: [{ PolicyName: 'app', PolicyDocument: { Statement: [statement] } }] },
      },
    },
  };
  return { template, statement, bucket };
}

function failing(template: Record<string, unknown>, parameters?: Record<string, string>): string[] {
  const context = { team: 'payments', environment: 'prod', ...(parameters ? { parameters } : {}) };
  return evaluateTemplate(template, { context })
    .findings.filter((f) => f.status === 'fail')
    .map((f) => `${f.ruleId} ${f.path}`);
}

const VERSIONING = 's3-bucket-versioning /Resources/Bucket/Properties/VersioningConfiguration/Status';
const STAR_ACTION =
  'iam-no-star-action /Resources/Role/Properties/Policies/0/PolicyDocument/Statement/0/Action';

describe('evaluations never reuse an earlier answer', () => {
  it('follows a parameter value that changes between evaluations of the same template object', () => {
    const { template } = fixture();
    expect(failing(template)).not.toContain(VERSIONING);
    expect(failing(template, { Env: 'dev' })).toContain(VERSIONING);
    expect(failing(template, { Env: 'prod' })).not.toContain(VERSIONING);
  });

  it('follows a template changed in place between evaluations', () => {
    const { template, statement, bucket } = fixture();
    expect(failing(template)).not.toContain(STAR_ACTION);
    statement.Action = '*';
    expect(failing(template)).toContain(STAR_ACTION);
    bucket.Properties = { VersioningConfiguration: { Status: 'Suspended' } };
    expect(failing(template)).toContain(VERSIONING);
  });
});
