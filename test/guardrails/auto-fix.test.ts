import { describe, expect, it } from 'vitest';
import { parseTemplateText } from '../../src/cfn/parse-template-text.ts';
import { applySafeFixes } from '../../src/guardrails/auto-fix.ts';
import { applySafeArchitectureFixes } from '../../src/guardrails/auto-fix-architecture.ts';
import { evaluateArchitecture, evaluateTemplate } from '../../src/guardrails/evaluate.ts';
import type { AnyRule, TemplateRule } from '../../src/guardrails/rule.ts';
import { emptyArchitecture } from '../../src/model/architecture.ts';
import { prodMultiAz, queueEncrypted, retention } from './support/test-rules.ts';

const template = parseTemplateText(`
Resources:
  Jobs:
    Type: AWS::SQS::Queue
    Properties:
      MessageRetentionPeriod: 60
  Done:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: alias/mine
`);
const options = { rules: [queueEncrypted, retention], context: { team: null, environment: null } };

describe('applySafeFixes', () => {
  it('fixes failing error findings so they pass on re-check, and says what changed', () => {
    const before = evaluateTemplate(template, options);
    expect(before.summary.errors).toBe(1);
    const result = applySafeFixes(template, before, options);
    expect(result.applied).toEqual([
      {
        ruleId: 'test-queue-encrypted',
        resource: 'Jobs',
        description: 'encrypt with the AWS managed key',
        verified: true,
      },
    ]);
    expect(result.template.Resources.Jobs?.Properties).toEqual({
      MessageRetentionPeriod: 60,
      KmsMasterKeyId: 'alias/aws/sqs',
    });
    expect(result.evaluation.summary.errors).toBe(0);
    expect(result.evaluation.findings.map((f) => f.ruleId)).toEqual(['test-queue-retention']);
  });

  it('leaves the input template unchanged and warnings unfixed', () => {
    const copy = structuredClone(template);
    applySafeFixes(template, evaluateTemplate(template, options), options);
    expect(template).toEqual(copy);
  });

  it('does nothing when there is nothing safe to fix', () => {
    const rule = queueEncrypted as TemplateRule<never>;
    const unsafe: AnyRule = { ...rule, fix: { ...rule.fix!, safe: false } };
    const opts = { ...options, rules: [unsafe] };
    const result = applySafeFixes(template, evaluateTemplate(template, opts), opts);
    expect(result.applied).toEqual([]);
    expect(result.template).toBe(template);
  });
});

describe('applySafeArchitectureFixes', () => {
  it('applies safe fix operations to the architecture and re-checks', () => {
    const architecture = emptyArchitecture({
      environment: 'prod',
      components: [{ id: 'orders-db', kind: 'postgres', params: {} }],
    });
    const opts = { rules: [prodMultiAz], context: { team: null, environment: 'prod' } };
    const before = evaluateArchitecture(architecture, opts);
    expect(before.summary.errors).toBe(1);
    const result = applySafeArchitectureFixes(architecture, before, opts);
    expect(result.applied).toEqual([
      expect.objectContaining({ ruleId: 'test-prod-multi-az', component: 'orders-db', verified: true }),
    ]);
    expect(result.architecture.components[0]?.params.multi_az).toBe(true);
    expect(result.evaluation.summary.errors).toBe(0);
    expect(architecture.components[0]?.params.multi_az).toBeUndefined();
  });
});
