import { z } from 'zod';
import { stackDiffSchema } from '../../diff/stack-diff-schema.ts';

const slugPart = z.string().min(1).max(100);

export const stackNameParams = z.strictObject({
  name: z.string().min(1).max(128).describe('a stack name: <team>-<app>-<environment>'),
});

export const stackKeyBody = z.strictObject({
  team: slugPart.describe('the owning team'),
  app: slugPart.describe('the application name'),
  environment: slugPart.describe('dev, staging, prod, ...'),
});

export const listQuery = z.strictObject({
  team: z.string().min(1).max(64).optional(),
  environment: z.string().min(1).max(64).optional(),
});

/** A template as YAML/JSON text or as an object. */
export const templateInput = z.union([z.string().min(1).max(5_000_000), z.record(z.string(), z.unknown())]);

export const importBody = z.union([
  z.strictObject({
    template: templateInput,
    team: slugPart.optional(),
    app: slugPart.optional(),
    environment: slugPart.optional(),
  }),
  z.strictObject({
    fromAws: z.literal(true),
    team: slugPart.optional(),
    app: slugPart.optional(),
    environment: slugPart.optional(),
  }),
]);

const diffOptions = {
  format: z
    .enum(['json', 'markdown', 'text'])
    .default('json')
    .describe('also render the diff as Markdown or text'),
};

export const diffBody = z.union([
  z.strictObject({
    template: templateInput,
    costBefore: z.number().nonnegative().optional().describe('monthly USD estimate before the change'),
    costAfter: z.number().nonnegative().optional().describe('monthly USD estimate after the change'),
    ...diffOptions,
  }),
  z.strictObject({
    proposalId: z.uuid().describe('a stored proposal: its template is diffed'),
    ...diffOptions,
  }),
]);

const baselineSource = z.enum(['applied', 'imported', 'aws']);

export const stackSchema = z.object({
  name: z.string(),
  team: z.string(),
  app: z.string(),
  environment: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});

export const stackSummarySchema = stackSchema.extend({
  baseline: z.object({ version: z.number().int(), source: baselineSource, createdAt: z.string() }).nullable(),
});

export const baselineVersionSchema = z.object({
  stackName: z.string(),
  version: z.number().int(),
  source: baselineSource,
  changeRequestId: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});

export const baselineSchema = baselineVersionSchema.extend({ template: z.record(z.string(), z.unknown()) });

export const stackDetailSchema = z.object({
  stack: stackSchema,
  baseline: baselineSchema.nullable(),
  history: z.array(baselineVersionSchema),
});

export const diffResultSchema = z.object({
  stackName: z.string(),
  baseline: z.object({ source: z.enum(['store', 'aws', 'none']), version: z.number().int().nullable() }),
  diff: stackDiffSchema,
  rendered: z.string().optional().describe('the diff rendered as Markdown or text when `format` asks for it'),
});
