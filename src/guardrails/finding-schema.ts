import { z } from 'zod';
import { OperationSchema } from '../model/operations.ts';

/** zod schemas of the engine's output (the HTTP contract in DESIGN.md), for routes and clients. */
export const SeveritySchema = z.enum(['error', 'warning', 'info']);

export const JsonPatchOpSchema = z.union([
  z.object({ op: z.enum(['add', 'replace']), path: z.string(), value: z.unknown() }),
  z.object({ op: z.literal('remove'), path: z.string() }),
]);

export const FindingSchema = z
  .object({
    ruleId: z.string(),
    title: z.string(),
    severity: SeveritySchema,
    status: z.enum(['fail', 'unknown', 'waived']),
    resource: z.string().optional(),
    resourceType: z.string().optional(),
    component: z.string().optional(),
    path: z.string().optional().describe('JSON pointer into the template or the architecture'),
    message: z.string(),
    remediation: z.string().optional(),
    fix: z
      .object({
        description: z.string(),
        safe: z.boolean(),
        patch: z.array(JsonPatchOpSchema).optional(),
        operations: z.array(OperationSchema).optional(),
      })
      .optional(),
    references: z.array(z.string()),
    fingerprint: z.string(),
    waiverId: z.string().optional(),
    generated: z
      .object({ logicalId: z.string(), type: z.string(), by: z.string() })
      .optional()
      .describe('the resource a transform (SAM, Fn::ForEach) made, which the rule checked'),
    suppressedInTemplate: z
      .object({ by: z.string(), id: z.string(), reason: z.string().optional(), honoured: z.boolean() })
      .optional()
      .describe('a suppression the template declares (cfn-guard, cfn_nag, cdk-nag, Checkov metadata)'),
    line: z.number().int().optional().describe('line of `path` in the template text, when text was sent'),
    column: z.number().int().optional(),
  })
  .meta({ id: 'Finding' });

export const EvaluationSummarySchema = z
  .object({
    errors: z.number().int(),
    warnings: z.number().int(),
    infos: z.number().int(),
    unknown: z.number().int(),
    waived: z.number().int(),
    passed: z.number().int(),
    rulesEvaluated: z.number().int(),
    resources: z.number().int(),
    notChecked: z.number().int().describe('resources (or components) no enabled rule covers'),
    notCheckedTypes: z.record(z.string(), z.number().int()).describe('notChecked by resource type or kind'),
  })
  .meta({ id: 'EvaluationSummary' });

export const EvaluationSchema = z
  .object({ findings: z.array(FindingSchema), summary: EvaluationSummarySchema })
  .meta({ id: 'Evaluation' });
