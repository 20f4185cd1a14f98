import { z } from 'zod';

/** The StackDiff model (./stack-diff.ts) as a zod schema: response validation and the OpenAPI document. */
const changeKind = z.enum(['added', 'removed', 'modified']);
const addedOrRemoved = z.enum(['added', 'removed']);

const propertyChangeSchema = z.object({
  path: z.string(),
  change: changeKind,
  before: z.unknown(),
  after: z.unknown(),
  replacement: z.enum(['always', 'conditional', 'never']),
  reason: z.string(),
  details: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
});

export const resourceDiffSchema = z.object({
  logicalId: z.string(),
  type: z.string(),
  previousType: z.string().nullable(),
  action: z.enum(['create', 'update', 'replace', 'may_replace', 'destroy', 'orphan']),
  component: z.string().nullable(),
  stateful: z.boolean(),
  properties: z.array(propertyChangeSchema),
});

const namedChangeSchema = z.object({
  name: z.string(),
  change: changeKind,
  before: z.unknown(),
  after: z.unknown(),
});

export const stackDiffSchema = z
  .object({
    schemaVersion: z.literal(1),
    isEmpty: z.boolean(),
    newStack: z.boolean(),
    summary: z.object({
      add: z.number().int(),
      change: z.number().int(),
      replace: z.number().int(),
      destroy: z.number().int(),
      orphan: z.number().int(),
    }),
    summaryLine: z.string(),
    resources: z.array(resourceDiffSchema),
    iam: z.object({
      statements: z.array(
        z.object({
          change: addedOrRemoved,
          effect: z.string(),
          actions: z.array(z.string()),
          resources: z.array(z.string()),
          principals: z.array(z.string()),
          condition: z.string().nullable(),
        }),
      ),
      managedPolicies: z.array(
        z.object({ change: addedOrRemoved, identity: z.string(), policyArn: z.string() }),
      ),
    }),
    securityGroupRules: z.array(
      z.object({
        change: addedOrRemoved,
        direction: z.enum(['ingress', 'egress']),
        group: z.string(),
        protocol: z.string(),
        peer: z.string(),
        openToInternet: z.boolean(),
      }),
    ),
    permissionsBroadened: z.boolean(),
    permissionsBroadenedReasons: z.array(z.string()),
    parameters: z.array(namedChangeSchema),
    outputs: z.array(namedChangeSchema),
    otherSections: z.array(z.string()),
    cost: z
      .object({
        currency: z.literal('USD'),
        monthlyBefore: z.number().nullable(),
        monthlyAfter: z.number().nullable(),
        monthlyDelta: z.number().nullable(),
        unpriced: z.object({ before: z.array(z.string()), after: z.array(z.string()) }),
      })
      .nullable(),
    unifiedDiff: z.string(),
  })
  .meta({ id: 'StackDiff', description: 'What changes when a stack goes from its baseline to a template' });
