import { describe, expect, it } from 'vitest';
import { evaluateTemplate } from '../../src/guardrails/evaluate.ts';
import { builtInRules } from '../../src/guardrails/rules/index.ts';

const rules = builtInRules.filter((rule) => rule.id === 'lambda-supported-runtime');

const template = (runtime: string) => ({
  Resources: {
    Fn: {
      Type: 'AWS::Lambda::Function',
      Properties: { Runtime: runtime, Handler: 'index.handler', Role: 'arn:aws:iam::111122223333:role/app' },
    },
  },
});

const statusOn = (runtime: string, day: string) =>
  evaluateTemplate(template(runtime), {
    rules,
    context: { team: null, environment: null, now: new Date(`${day}T12:00:00Z`) },
  }).findings.map((f) => `${f.status}: ${f.message}`);

describe('lambda-supported-runtime judges the deprecation schedule against the evaluation date', () => {
  it('passes nodejs18.x before its deprecation day and fails it from that day on', () => {
    expect(statusOn('nodejs18.x', '2025-08-31')).toEqual([]);
    expect(statusOn('nodejs18.x', '2025-09-01')).toEqual([
      'fail: The runtime is deprecated: Runtime is "nodejs18.x", deprecated since 2025-09-01 (evaluated on 2025-09-01); expected a runtime that still gets security updates',
    ]);
  });

  it('fails python3.9 after 2025-12-15 and never fails a runtime the schedule does not list', () => {
    expect(statusOn('python3.9', '2026-01-10')).toHaveLength(1);
    expect(statusOn('python3.13', '2030-01-01')).toEqual([]);
  });
});
