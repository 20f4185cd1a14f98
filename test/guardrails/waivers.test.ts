import { describe, expect, it } from 'vitest';
import { parseTemplateText } from '../../src/cfn/parse-template-text.ts';
import { evaluateTemplate } from '../../src/guardrails/evaluate.ts';
import type { Waiver } from '../../src/guardrails/policy-contract.ts';
import { queueEncrypted, retention } from './support/test-rules.ts';

const template = parseTemplateText(`
Resources:
  Jobs:
    Type: AWS::SQS::Queue
    Metadata: { copilot:component: jobs }
  Emails:
    Type: AWS::SQS::Queue
    Metadata: { copilot:component: emails }
`);

const now = new Date('2026-06-01T12:00:00Z');
const context = { team: 'payments', environment: 'prod', now };
const rules = [queueEncrypted, retention];

function waiver(scope: Waiver['scope'], overrides: Partial<Waiver> = {}): Waiver {
  return {
    id: 'w-1',
    ruleId: 'test-queue-encrypted',
    scope,
    reason: 'migrating to a CMK next sprint',
    owner: 'alice',
    createdAt: '2026-05-01T00:00:00Z',
    expiresAt: '2026-07-01T00:00:00Z',
    ...overrides,
  };
}

function statuses(waivers: Waiver[], ctx = context): string[] {
  return evaluateTemplate(template, { rules, waivers, context: ctx })
    .findings.filter((f) => f.ruleId === 'test-queue-encrypted')
    .map((f) => `${f.resource}:${f.status}${f.waiverId ? `:${f.waiverId}` : ''}`)
    .sort();
}

describe('waivers', () => {
  it('suppress exactly their resource scope', () => {
    expect(statuses([waiver({ resource: 'Jobs' })])).toEqual(['Emails:fail', 'Jobs:waived:w-1']);
  });

  it('suppress exactly their component scope', () => {
    expect(statuses([waiver({ component: 'emails' })])).toEqual(['Emails:waived:w-1', 'Jobs:fail']);
  });

  it('suppress a single finding by fingerprint, stable across runs', () => {
    const target = evaluateTemplate(template, { rules, context }).findings.find(
      (f) => f.ruleId === 'test-queue-encrypted' && f.resource === 'Emails',
    );
    expect(statuses([waiver({ fingerprint: target?.fingerprint ?? '' })])).toEqual([
      'Emails:waived:w-1',
      'Jobs:fail',
    ]);
  });

  it('match team and environment only together with every other scope field', () => {
    expect(statuses([waiver({ team: 'payments', environment: 'prod' })])).toEqual([
      'Emails:waived:w-1',
      'Jobs:waived:w-1',
    ]);
    expect(statuses([waiver({ team: 'payments', environment: 'dev' })])).toEqual([
      'Emails:fail',
      'Jobs:fail',
    ]);
    expect(statuses([waiver({ team: 'web' })])).toEqual(['Emails:fail', 'Jobs:fail']);
    expect(statuses([waiver({ team: 'payments', resource: 'Jobs' })])).toEqual([
      'Emails:fail',
      'Jobs:waived:w-1',
    ]);
  });

  it('apply only to their rule', () => {
    const findings = evaluateTemplate(template, {
      rules,
      waivers: [waiver({ resource: 'Jobs' })],
      context,
    }).findings;
    expect(
      findings.filter((f) => f.ruleId === 'test-queue-retention').every((f) => f.status !== 'waived'),
    ).toBe(true);
  });

  it('lapse at their expiry instant', () => {
    const w = waiver({ resource: 'Jobs' }, { expiresAt: '2026-06-01T12:00:00.000Z' });
    expect(statuses([w], { ...context, now: new Date('2026-06-01T11:59:59.999Z') })).toContain(
      'Jobs:waived:w-1',
    );
    expect(statuses([w], { ...context, now: new Date('2026-06-01T12:00:00.000Z') })).toContain('Jobs:fail');
  });

  it('stop applying when revoked', () => {
    expect(statuses([waiver({ resource: 'Jobs' }, { revokedAt: '2026-05-15T00:00:00Z' })])).toContain(
      'Jobs:fail',
    );
  });

  it('are counted in the summary instead of errors', () => {
    const { summary } = evaluateTemplate(template, {
      rules,
      waivers: [waiver({ resource: 'Jobs' })],
      context,
    });
    expect(summary).toMatchObject({ errors: 1, waived: 1 });
  });
});
