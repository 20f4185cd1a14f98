import { describe, expect, it } from 'vitest';
import { parseTemplateText } from '../../src/cfn/parse-template-text.ts';
import { evaluateTemplate } from '../../src/guardrails/evaluate.ts';

const context = { team: 'payments', environment: 'prod' };

function versioning(status: string, envDeclaration = '{ Type: String }') {
  const template = parseTemplateText(`Parameters:
  Env: ${envDeclaration}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Equals [!Ref Env, dev]
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: { Status: ${status} }
`);
  const { findings } = evaluateTemplate(template, { context });
  return findings.find((f) => f.ruleId === 's3-bucket-versioning');
}

describe('Fn::If on parameters without a value', () => {
  it('passes when every branch passes, instead of unknown', () => {
    expect(versioning('!If [IsProd, Enabled, Enabled]')).toBeUndefined();
  });

  it('fails when a failing branch can be taken, and says which', () => {
    expect(versioning('!If [IsProd, Enabled, Suspended]')).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('(when IsProd is false)'),
    });
  });

  it('passes when the failing branch cannot be taken (AllowedValues)', () => {
    expect(
      versioning('!If [IsProd, Enabled, Suspended]', '{ Type: String, AllowedValues: [prod] }'),
    ).toBeUndefined();
  });

  it('never combines branches the parameters cannot reach together', () => {
    // IsProd and IsDev are never both true, so the Suspended corner is unreachable.
    expect(versioning('!If [IsProd, !If [IsDev, Suspended, Enabled], Enabled]')).toBeUndefined();
  });

  it('stays unknown when the value is a parameter itself, not a branch', () => {
    expect(versioning('!Ref Env')).toMatchObject({ status: 'unknown' });
  });
});
