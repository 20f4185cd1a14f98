import { z } from 'zod';
import { COMPONENT_KINDS, ENVIRONMENTS } from '../../model/kinds.ts';
import type { RuleSetting } from '../policy-contract.ts';
import type { Severity } from '../rule.ts';
import type { Condition } from './condition.ts';

/**
 * The shape of a policy document (guardrails/*.yaml, and each version in the store). Conditions are checked
 * separately by `parseCondition`, which gives better messages than a zod union of eighteen operators.
 */
export const RuleIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'expected a kebab-case rule id such as "s3-bucket-versioning"')
  .max(100);
export const SeveritySchema = z.enum(['error', 'warning', 'info']);

export const RuleSettingSchema = z.strictObject({
  enabled: z.boolean().optional(),
  severity: SeveritySchema.optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  when: z
    .strictObject({
      teams: z.array(z.string().min(1).max(64)).min(1).optional(),
      environments: z.array(z.enum(ENVIRONMENTS)).min(1).optional(),
    })
    .optional(),
});

export const CustomRuleDocSchema = z
  .strictObject({
    id: RuleIdSchema,
    title: z.string().min(1).max(200),
    severity: SeveritySchema,
    rationale: z.string().min(1).max(2000),
    remediation: z.string().min(1).max(2000),
    references: z.array(z.string().min(1).max(300)).default([]),
    /** Template rules: the CloudFormation resource types the rule checks. */
    resourceType: z
      .union([
        z
          .string()
          .regex(/^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/, 'expected a type such as "AWS::S3::Bucket"'),
        z
          .array(
            z
              .string()
              .regex(
                /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/,
                'expected a type such as "AWS::S3::Bucket"',
              ),
          )
          .min(1),
      ])
      .optional(),
    /** Architecture rules: the component kinds the rule checks. */
    componentKind: z.union([z.enum(COMPONENT_KINDS), z.array(z.enum(COMPONENT_KINDS)).min(1)]).optional(),
    /** Optional applicability filter: subjects where it is false pass. */
    where: z.unknown().optional(),
    /** What must hold; a subject where it is false fails, unresolved values give `unknown`. */
    condition: z.unknown(),
    /** Message for a failure; the failing part of the condition is appended. */
    message: z.string().min(1).max(500).optional(),
  })
  .superRefine((rule, ctx) => {
    if ((rule.resourceType === undefined) === (rule.componentKind === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message:
          'expected exactly one of "resourceType" (template rule) or "componentKind" (architecture rule)',
        path: [],
      });
    }
    if (rule.condition === undefined) {
      ctx.addIssue({ code: 'custom', message: 'expected "condition": what must hold', path: [] });
    }
  });

export const PolicyDocSchema = z.strictObject({
  version: z.literal(1, 'expected version: 1 (the policy format version)'),
  waivers: z
    .strictObject({ maxDays: z.number().int().min(1).max(3650).default(90) })
    .default({ maxDays: 90 }),
  rules: z.record(RuleIdSchema, z.union([RuleSettingSchema, z.array(RuleSettingSchema).min(1)])).default({}),
  customRules: z.array(CustomRuleDocSchema).default([]),
  /** What pseudo parameters resolve to when the caller (`--region`, the request) says nothing. */
  deployment: z
    .strictObject({
      region: z
        .string()
        .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected a region such as "eu-west-1"')
        .optional(),
      partition: z.enum(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e']).optional(),
    })
    .optional(),
  /** Suppressions written in templates (cfn-guard, cfn_nag, Checkov, cdk-nag metadata): shown, honoured only if true. */
  inlineSuppressions: z.strictObject({ honour: z.boolean().default(false) }).default({ honour: false }),
});

export interface CustomRuleDefinition {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly rationale: string;
  readonly remediation: string;
  readonly references: readonly string[];
  readonly target:
    | { readonly level: 'template'; readonly resourceTypes: readonly string[] }
    | {
        readonly level: 'architecture';
        readonly componentKinds: readonly (typeof COMPONENT_KINDS)[number][];
      };
  readonly where: Condition | undefined;
  readonly condition: Condition;
  readonly message: string | undefined;
}

/** A parsed, validated policy. `sources` names the file(s) or draft it came from. */
export interface Policy {
  readonly sources: readonly string[];
  readonly waivers: { readonly maxDays: number };
  /** Settings by rule id, in document order (later matching settings win). */
  readonly rules: Readonly<Record<string, readonly RuleSetting[]>>;
  readonly customRules: readonly CustomRuleDefinition[];
  /** Pseudo parameters when the caller gives none (`AWS::Region`, `AWS::Partition`). */
  readonly deployment?: { readonly region?: string; readonly partition?: string };
  /** Whether suppressions written in templates are honoured (default: shown, not honoured). */
  readonly honourInlineSuppressions?: boolean;
}
