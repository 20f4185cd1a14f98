import { z } from 'zod';

export const versionParams = z.strictObject({ version: z.coerce.number().int().positive() });

export const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional(),
});

const policyText = z.string().min(1).max(1_000_000);

export const saveBody = z.strictObject({
  baseVersion: z
    .number()
    .int()
    .min(0)
    .describe('The version this edit started from; must be the current one.'),
  text: policyText.describe('The whole policy set as YAML.'),
  message: z.string().trim().min(1).max(500).describe('Why the policy changes.'),
});

export const rollbackBody = z
  .strictObject({
    baseVersion: z.number().int().min(0).optional(),
    message: z.string().trim().min(1).max(500).optional(),
  })
  .default({});

export const draftBody = z.strictObject({ text: policyText });

const author = z.object({ id: z.string().nullable(), name: z.string() });

export const versionSummary = z
  .object({
    version: z.number().int(),
    digest: z.string(),
    message: z.string(),
    author,
    restoredFrom: z.number().int().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'PolicyVersionSummary' });

export const policyVersion = versionSummary.extend({ text: z.string() }).meta({ id: 'PolicyVersion' });

export const policyVersionWithDiff = policyVersion
  .extend({ previousVersion: z.number().int().nullable(), diff: z.string() })
  .meta({ id: 'PolicyVersionWithDiff' });

export const versionList = z.object({ versions: z.array(versionSummary) });

const issue = z.object({
  line: z.number().int(),
  column: z.number().int(),
  path: z.string(),
  message: z.string(),
  source: z.string(),
});

export const validation = z
  .object({
    valid: z.boolean(),
    errors: z.array(issue),
    summary: z
      .object({ rules: z.number().int(), customRules: z.number().int(), waiverMaxDays: z.number().int() })
      .optional(),
  })
  .meta({ id: 'PolicyValidation' });

const dryRunFinding = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  status: z.enum(['fail', 'unknown', 'waived']),
  resource: z.string().optional(),
  component: z.string().optional(),
  path: z.string().optional(),
  message: z.string(),
  fingerprint: z.string(),
});

export const dryRunReport = z
  .object({
    currentVersion: z.number().int(),
    subjectsChecked: z.number().int(),
    totals: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int() }),
    subjects: z.array(
      z.object({
        subject: z.object({
          type: z.enum(['proposal', 'baseline']),
          id: z.string(),
          label: z.string().optional(),
        }),
        team: z.string().nullable(),
        environment: z.string().nullable(),
        added: z.array(dryRunFinding),
        removed: z.array(dryRunFinding),
        changed: z.array(z.object({ before: dryRunFinding, after: dryRunFinding })),
      }),
    ),
  })
  .meta({ id: 'PolicyDryRunReport' });
