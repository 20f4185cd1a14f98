import { describe, expect, it } from 'vitest';
import { parseTemplateText } from '../../src/cfn/parse-template-text.ts';
import { evaluateTemplate } from '../../src/guardrails/evaluate.ts';
import { formatText } from '../../src/guardrails/format/format-text.ts';
import { compilePolicy } from '../../src/guardrails/policy/compile-policy.ts';
import { parsePolicy } from '../../src/guardrails/policy/parse-policy.ts';

const template = parseTemplateText(`Resources:
  Site:
    Type: AWS::S3::Bucket
    Metadata:
      cfn_nag:
        rules_to_suppress:
          - { id: W35, reason: access logs go to the central account }
      checkov:
        skip:
          - { id: CKV_AWS_53, comment: 'public website bucket, reviewed by infra' }
      guard:
        SuppressedRules: [s3-bucket-versioning]
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: false
`);

const context = { team: 'web', environment: 'prod' };

function policy(text: string) {
  return compilePolicy(parsePolicy(text, { source: 'test' }));
}

describe('inline suppressions', () => {
  it('are shown with their reason and not honoured by default', () => {
    const evaluation = evaluateTemplate(template, { context, policy: policy('version: 1\n') });
    const blocked = evaluation.findings.find((f) => f.ruleId === 's3-bucket-block-public-acls');
    expect(blocked).toMatchObject({
      status: 'fail',
      suppressedInTemplate: {
        by: 'checkov',
        id: 'CKV_AWS_53',
        reason: 'public website bucket, reviewed by infra',
        honoured: false,
      },
    });
    const text = formatText([{ uri: 't.yaml', evaluation }]);
    expect(text).toContain(
      'suppressed in the template (checkov CKV_AWS_53: public website bucket, reviewed by infra); not honoured: the org policy does not allow inline suppressions',
    );
  });

  it('waive the findings they name where the org policy honours them, by rule id or reference', () => {
    const evaluation = evaluateTemplate(template, {
      context,
      policy: policy('version: 1\ninlineSuppressions: { honour: true }\n'),
    });
    const byRule = new Map(evaluation.findings.map((f) => [f.ruleId, f]));
    expect(byRule.get('s3-bucket-block-public-acls')).toMatchObject({
      status: 'waived',
      waiverId: 'template:checkov:CKV_AWS_53',
    });
    expect(byRule.get('s3-bucket-versioning')).toMatchObject({
      status: 'waived',
      suppressedInTemplate: { by: 'guard', id: 's3-bucket-versioning', honoured: true },
    });
    const unrelated = evaluation.findings.filter((f) => !f.suppressedInTemplate);
    expect(unrelated.length).toBeGreaterThan(0);
    expect(unrelated.every((f) => f.status !== 'waived')).toBe(true);
  });
});

describe('pseudo parameters from the policy', () => {
  const regional = parseTemplateText(`Mappings:
  Retention:
    eu-west-1: { Days: 1 }
    us-east-1: { Days: 365 }
Resources:
  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: !FindInMap [Retention, !Ref AWS::Region, Days]
`);

  it('take the region from the policy when the caller gives none, and from the caller first', () => {
    const unknownWithout = evaluateTemplate(regional, { context }).findings.filter(
      (f) => f.status === 'unknown',
    );
    expect(unknownWithout.length).toBeGreaterThan(0);
    const withPolicy = policy('version: 1\ndeployment: { region: eu-west-1 }\n');
    const europe = evaluateTemplate(regional, { context, policy: withPolicy });
    expect(europe.findings.filter((f) => f.status === 'unknown' && f.resource === 'Logs')).toEqual([]);
    const us = evaluateTemplate(regional, {
      context,
      policy: withPolicy,
      deployment: { region: 'us-east-1' },
    });
    expect(JSON.stringify(us.findings)).not.toEqual(JSON.stringify(europe.findings));
  });

  it('refuse a region that is not one', () => {
    expect(() => policy('version: 1\ndeployment: { region: mars }\n')).toThrow(/expected a region/);
  });
});
