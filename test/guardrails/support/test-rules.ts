import { z } from 'zod';
import { asAnyRule } from '../../../src/guardrails/as-any-rule.ts';
import type { CheckResult } from '../../../src/guardrails/rule.ts';
import { defineArchitectureRule, defineTemplateRule } from '../../../src/guardrails/rule.ts';

/** Small rules owned by the engine tests, so they do not depend on the built-in pack's wording. */
export const queueEncrypted = asAnyRule(
  defineTemplateRule({
    id: 'test-queue-encrypted',
    title: 'Queues are encrypted',
    severity: 'error',
    resourceTypes: ['AWS::SQS::Queue'],
    rationale: 'test',
    remediation: 'Set KmsMasterKeyId.',
    references: ['CKV_AWS_27'],
    check(resource): CheckResult {
      const set = resource.has('KmsMasterKeyId');
      if (!set.known) return { status: 'unknown', reason: set.reason, path: 'KmsMasterKeyId' };
      if (set.value) return { status: 'pass' };
      return { status: 'fail', message: 'KmsMasterKeyId is not set; expected a key', path: 'KmsMasterKeyId' };
    },
    fix: {
      description: 'encrypt with the AWS managed key',
      safe: true,
      patch: (resource) => [
        { op: 'add', path: resource.pointerOf('KmsMasterKeyId'), value: 'alias/aws/sqs' },
      ],
      operations: (resource) =>
        resource.component
          ? [{ op: 'update_params', id: resource.component, params: { encrypted: true } }]
          : [],
    },
  }),
);

export const retention = asAnyRule(
  defineTemplateRule<{ minDays: number }>({
    id: 'test-queue-retention',
    title: 'Queues keep messages long enough',
    severity: 'warning',
    resourceTypes: ['AWS::SQS::Queue'],
    params: z.object({ minDays: z.number().int().positive().default(4) }),
    rationale: 'test',
    remediation: 'Raise MessageRetentionPeriod.',
    references: [],
    check(resource, { params }): CheckResult {
      const value = resource.get('MessageRetentionPeriod');
      if (!value.known) return { status: 'unknown', reason: value.reason, path: 'MessageRetentionPeriod' };
      const seconds = value.value === undefined ? 4 * 86400 : Number(value.value);
      if (seconds >= params.minDays * 86400) return { status: 'pass' };
      return {
        status: 'fail',
        message: `MessageRetentionPeriod is ${seconds}s; expected at least ${params.minDays * 86400}s`,
        path: 'MessageRetentionPeriod',
        actual: seconds,
        expected: params.minDays * 86400,
      };
    },
  }),
);

export const throwing = asAnyRule(
  defineTemplateRule({
    id: 'test-throws',
    title: 'A rule with a bug',
    severity: 'error',
    resourceTypes: ['AWS::SQS::Queue'],
    rationale: 'test',
    remediation: 'none',
    references: [],
    check() {
      throw new Error('boom');
    },
  }),
);

export const prodMultiAz = asAnyRule(
  defineArchitectureRule({
    id: 'test-prod-multi-az',
    title: 'Prod databases are multi-AZ',
    severity: 'error',
    scope: ['postgres'],
    rationale: 'test',
    remediation: 'Set multi_az.',
    references: [],
    check(subject, context): CheckResult {
      if (context.architecture.environment !== 'prod' || subject?.params.multi_az === true)
        return { status: 'pass' };
      return { status: 'fail', message: 'multi_az is not true; expected true', path: 'params.multi_az' };
    },
    fix: {
      description: 'make it multi-AZ',
      safe: true,
      operations: (subject) =>
        subject ? [{ op: 'update_params', id: subject.id, params: { multi_az: true } }] : [],
    },
  }),
);
