import { describe, expect, it } from 'vitest';
import { parseTemplateText } from '../../src/cfn/parse-template-text.ts';
import { asAnyRule } from '../../src/guardrails/as-any-rule.ts';
import { evaluateArchitecture, evaluateTemplate } from '../../src/guardrails/evaluate.ts';
import type { CompiledPolicy } from '../../src/guardrails/policy-contract.ts';
import { defineTemplateRule } from '../../src/guardrails/rule.ts';
import { emptyArchitecture } from '../../src/model/architecture.ts';
import { prodMultiAz, queueEncrypted, retention, throwing } from './support/test-rules.ts';

const context = { team: 'payments', environment: 'prod' };

const template = parseTemplateText(`
Parameters:
  Days: { Type: Number, Default: "345600" }
Conditions:
  Never: !Equals [a, b]
Resources:
  Key:
    Type: AWS::KMS::Key
  Plain:
    Type: AWS::SQS::Queue
    Metadata: { copilot:component: jobs }
    Properties:
      MessageRetentionPeriod: 60
  WithKey:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: !GetAtt Key.Arn
      MessageRetentionPeriod: !GetAtt Key.Arn
  ByParam:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: alias/aws/sqs
      MessageRetentionPeriod: !Ref Days
  NotCreated:
    Type: AWS::SQS::Queue
    Condition: Never
`);

function policy(settings: CompiledPolicy['settings']): CompiledPolicy {
  return { version: 1, customRules: [], settings, waiverMaxDays: 90 };
}

describe('evaluateTemplate', () => {
  it('reports unknown, not fail, where a value depends on an unresolved GetAtt', () => {
    const { findings } = evaluateTemplate(template, { rules: [retention], context });
    const withKey = findings.filter((f) => f.resource === 'WithKey');
    expect(withKey).toEqual([
      expect.objectContaining({
        ruleId: 'test-queue-retention',
        status: 'unknown',
        path: '/Resources/WithKey/Properties/MessageRetentionPeriod',
        message: expect.stringContaining('Fn::GetAtt Key.Arn'),
      }),
    ]);
  });

  it('sees a symbolic value as set for existence checks', () => {
    const { findings } = evaluateTemplate(template, { rules: [queueEncrypted], context });
    expect(findings.map((f) => [f.resource, f.status])).toEqual([['Plain', 'fail']]);
  });

  it('reports a failing value with the actual and expected values, a pointer, the fix and references', () => {
    const { findings, summary } = evaluateTemplate(template, { rules: [queueEncrypted, retention], context });
    const plain = findings.filter((f) => f.resource === 'Plain');
    expect(plain).toEqual([
      expect.objectContaining({
        ruleId: 'test-queue-encrypted',
        severity: 'error',
        status: 'fail',
        resourceType: 'AWS::SQS::Queue',
        component: 'jobs',
        path: '/Resources/Plain/Properties/KmsMasterKeyId',
        references: ['CKV_AWS_27'],
        fix: {
          description: 'encrypt with the AWS managed key',
          safe: true,
          patch: [{ op: 'add', path: '/Resources/Plain/Properties/KmsMasterKeyId', value: 'alias/aws/sqs' }],
          operations: [{ op: 'update_params', id: 'jobs', params: { encrypted: true } }],
        },
      }),
      expect.objectContaining({
        ruleId: 'test-queue-retention',
        message: expect.stringMatching(/60s; expected at least 345600s/),
      }),
    ]);
    expect(summary).toEqual({
      errors: 1,
      warnings: 1,
      infos: 0,
      unknown: 1,
      waived: 0,
      passed: 3,
      rulesEvaluated: 2,
      resources: 5,
      notChecked: 1,
      notCheckedTypes: { 'AWS::KMS::Key': 1 },
    });
  });

  it('skips resources whose Condition is false', () => {
    const { findings } = evaluateTemplate(template, { rules: [queueEncrypted], context });
    expect(findings.some((f) => f.resource === 'NotCreated')).toBe(false);
  });

  it('turns a rule that throws into an unknown finding with the reason', () => {
    const { findings } = evaluateTemplate(template, { rules: [throwing], context });
    expect(findings).toHaveLength(3);
    expect(findings[0]).toMatchObject({ status: 'unknown', message: expect.stringContaining('boom') });
  });

  it('gives fingerprints that are stable across runs and independent of values', () => {
    const first = evaluateTemplate(template, { rules: [retention], context }).findings;
    const changed = structuredClone(template);
    (changed.Resources.Plain!.Properties as Record<string, unknown>).MessageRetentionPeriod = 120;
    const second = evaluateTemplate(changed, { rules: [retention], context }).findings;
    expect(second.map((f) => f.fingerprint)).toEqual(first.map((f) => f.fingerprint));
    expect(new Set(first.map((f) => f.fingerprint)).size).toBe(first.length);
  });

  it('applies policy settings: disable, severity, params and team/environment scoping, later ones winning', () => {
    const run = (p: CompiledPolicy, ctx = context) =>
      evaluateTemplate(template, {
        rules: [queueEncrypted, retention],
        policy: p,
        context: ctx,
      }).findings.filter((f) => f.status === 'fail');
    expect(run(policy({ 'test-queue-encrypted': [{ enabled: false }] })).map((f) => f.ruleId)).toEqual([
      'test-queue-retention',
    ]);
    expect(run(policy({ 'test-queue-retention': [{ severity: 'error' }] })).map((f) => f.severity)).toEqual([
      'error',
      'error',
    ]);
    const scoped = policy({
      'test-queue-encrypted': [
        { enabled: false },
        { enabled: true, when: { environments: ['prod'] } },
        { severity: 'info', when: { teams: ['payments'], environments: ['prod'] } },
      ],
    });
    expect(run(scoped).find((f) => f.ruleId === 'test-queue-encrypted')?.severity).toBe('info');
    expect(
      run(scoped, { team: 'web', environment: 'dev' }).some((f) => f.ruleId === 'test-queue-encrypted'),
    ).toBe(false);
  });

  it('parses rule params from the policy and reports invalid ones as unknown', () => {
    const lenient = policy({ 'test-queue-retention': [{ params: { minDays: 1 } }] });
    const strict = evaluateTemplate(template, { rules: [retention], policy: lenient, context }).findings;
    expect(strict.find((f) => f.resource === 'Plain')?.message).toContain('expected at least 86400s');
    const bad = policy({ 'test-queue-retention': [{ params: { minDays: 'four' } }] });
    const findings = evaluateTemplate(template, { rules: [retention], policy: bad, context }).findings;
    expect(findings).toEqual([
      expect.objectContaining({ status: 'unknown', message: expect.stringContaining('minDays') }),
    ]);
  });

  it('never throws on a template that is not one', () => {
    for (const junk of [
      {},
      { Resources: 'x' },
      { Resources: { A: null, B: { Type: 5 } } },
      { Resources: [] },
    ]) {
      expect(evaluateTemplate(junk, { context }).findings).toBeInstanceOf(Array);
    }
  });
});

describe('evaluateArchitecture', () => {
  const architecture = emptyArchitecture({
    environment: 'prod',
    components: [
      { id: 'api', kind: 'function', params: {} },
      { id: 'orders-db', kind: 'postgres', params: {} },
    ],
  });

  it('runs component rules on their kinds, with pointers into the architecture and operations as the fix', () => {
    const { findings, summary } = evaluateArchitecture(architecture, { rules: [prodMultiAz], context });
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'test-prod-multi-az',
        status: 'fail',
        component: 'orders-db',
        path: '/components/1/params/multi_az',
        fix: {
          description: 'make it multi-AZ',
          safe: true,
          operations: [{ op: 'update_params', id: 'orders-db', params: { multi_az: true } }],
        },
      }),
    ]);
    expect(summary).toMatchObject({ errors: 1, rulesEvaluated: 1, resources: 2 });
  });
});

describe('finding pointers', () => {
  it('point at resource attributes such as DeletionPolicy outside Properties', () => {
    const rule = asAnyRule(
      defineTemplateRule({
        id: 'test-retain',
        title: 'Queues are retained',
        severity: 'warning',
        resourceTypes: ['AWS::SQS::Queue'],
        rationale: 'test',
        remediation: 'Set DeletionPolicy: Retain.',
        references: [],
        check: (resource) =>
          resource.raw.DeletionPolicy === 'Retain'
            ? { status: 'pass' }
            : { status: 'fail', message: 'DeletionPolicy is not Retain', path: 'DeletionPolicy' },
      }),
    );
    const { findings } = evaluateTemplate(template, { rules: [rule], context });
    expect(findings.find((f) => f.resource === 'Plain')?.path).toBe('/Resources/Plain/DeletionPolicy');
  });
});
