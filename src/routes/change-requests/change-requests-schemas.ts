import { z } from 'zod';
import { APPLY_STATUSES, CHANNELS, COMMENT_KINDS } from '../../change-requests/change-request.ts';
import { RISK_LEVELS, RISK_REASON_CODES } from '../../change-requests/risk/risk-types.ts';
import { CHANGE_REQUEST_ACTIONS, CHANGE_REQUEST_STATES } from '../../change-requests/state-machine.ts';

export const idParams = z.object({ id: z.uuid() });

const expectedVersion = z
  .number()
  .int()
  .min(1)
  .optional()
  .describe('The version you read; 409 version-conflict when the request changed since (or send If-Match)');

export const createBody = z.strictObject({
  proposalId: z.string().min(1).max(100),
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(10_000).optional(),
  channel: z.enum(CHANNELS).optional().describe('Where the request came from; api by default'),
});

const expectedRevision = z
  .number()
  .int()
  .min(1)
  .optional()
  .describe('The revision you reviewed; 409 version-conflict when a newer revision was submitted since');

export const reviseBody = z.strictObject({ proposalId: z.string().min(1).max(100), expectedVersion });
export const versionBody = z.strictObject({ expectedVersion }).default({});
export const approveBody = z
  .strictObject({
    expectedVersion,
    expectedRevision,
    comment: z.string().trim().min(1).max(5_000).optional().describe('An optional note with the approval'),
  })
  .default({});
export const reasonBody = z.strictObject({
  reason: z.string().trim().min(1).max(5_000),
  expectedVersion,
  expectedRevision,
});
export const optionalReasonBody = z
  .strictObject({ reason: z.string().trim().min(1).max(5_000).optional(), expectedVersion })
  .default({});
export const commentBody = z.strictObject({ body: z.string().trim().min(1).max(10_000) });

export const idempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
    .optional(),
  'if-match': z.string().max(100).optional(),
});
export const ifMatchHeaders = z.looseObject({ 'if-match': z.string().max(100).optional() });

const riskSchema = z.object({
  level: z.enum(RISK_LEVELS),
  reasons: z.array(
    z.object({
      code: z.enum(RISK_REASON_CODES),
      message: z.string(),
      resource: z.string().optional(),
      resourceType: z.string().optional(),
    }),
  ),
});

const approvalStatusSchema = z.object({
  satisfied: z.boolean(),
  required: z.object({ approvals: z.number(), policyAdminApprovals: z.number() }),
  approvals: z.number(),
  policyAdminApprovals: z.number(),
  missing: z.array(z.string()),
});

const lockSchema = z.object({
  stackName: z.string(),
  changeRequestId: z.string(),
  title: z.string(),
  lockedBy: z.string(),
  lockedAt: z.string(),
});

export const applyAttemptSchema = z.object({
  id: z.string(),
  revision: z.number(),
  mode: z.enum(['export', 'changeset', 'execute']),
  status: z.enum(APPLY_STATUSES),
  statusReason: z.string().nullable(),
  stackName: z.string(),
  changeSetName: z.string(),
  templateUrl: z.string().nullable(),
  awsChanges: z.unknown(),
  bundle: z.unknown(),
  stackStatus: z.string().nullable(),
  requestedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const snapshotSchema = z
  .object({
    proposalId: z.string(),
    architecture: z.unknown(),
    template: z.record(z.string(), z.unknown()),
    templateYaml: z.string(),
    findings: z.array(z.unknown()),
    diff: z.unknown(),
    cost: z.unknown(),
  })
  .meta({ id: 'ChangeSnapshot' });

export const changeRequestSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    state: z.enum(CHANGE_REQUEST_STATES),
    version: z.number(),
    revision: z.number(),
    stack: z.object({
      team: z.string().nullable(),
      app: z.string(),
      environment: z.string().nullable(),
      name: z.string(),
    }),
    author: z.object({ id: z.string(), name: z.string() }),
    channel: z.enum(CHANNELS),
    conversationId: z.string(),
    risk: riskSchema,
    approvals: z.object({
      status: approvalStatusSchema,
      records: z.array(
        z.object({
          approverId: z.string(),
          approverName: z.string(),
          policyAdmin: z.boolean(),
          revision: z.number(),
          version: z.number().nullable(),
          at: z.string(),
        }),
      ),
    }),
    allowedActions: z.array(z.enum(CHANGE_REQUEST_ACTIONS)),
    snapshot: snapshotSchema,
    revisions: z.array(
      z.object({
        revision: z.number(),
        proposalId: z.string(),
        version: z.number().nullable(),
        risk: z.enum(RISK_LEVELS),
        createdBy: z.string(),
        createdAt: z.string(),
      }),
    ),
    lock: lockSchema.nullable(),
    apply: applyAttemptSchema.nullable(),
    comments: z.array(
      z.object({
        id: z.string(),
        revision: z.number(),
        version: z.number().nullable(),
        kind: z.enum(COMMENT_KINDS),
        author: z.object({ id: z.string().nullable(), name: z.string() }),
        body: z.string(),
        at: z.string(),
      }),
    ),
    changesRequestedCount: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
    firstReviewAt: z.string().nullable(),
    approvedAt: z.string().nullable(),
    appliedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'ChangeRequest' });

export const summarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    state: z.enum(CHANGE_REQUEST_STATES),
    version: z.number(),
    revision: z.number(),
    team: z.string().nullable(),
    app: z.string(),
    environment: z.string().nullable(),
    stackName: z.string(),
    authorId: z.string(),
    authorName: z.string(),
    channel: z.enum(CHANNELS),
    conversationId: z.string(),
    proposalId: z.string(),
    risk: z.object({ level: z.enum(RISK_LEVELS), reasons: z.array(z.string()) }),
    approvals: z.object({
      have: z.number(),
      need: z.number(),
      approvers: z.array(z.string()),
      missing: z.array(z.string()),
    }),
    diffSummary: z.string(),
    dangerousChanges: z.array(z.string()),
    monthlyCostDelta: z.number().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ChangeRequestSummary' });

export const pageSchema = z.object({ items: z.array(summarySchema), nextCursor: z.string().nullable() });

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((text) => text.split(',').filter((v) => v !== ''))
    .pipe(z.array(z.enum(values)));

/** `30m`, `4h`, `2d`, `1w`. */
export const ageSchema = z
  .string()
  .regex(/^\d+[mhdw]$/, 'a duration such as 30m, 4h, 2d or 1w')
  .transform((text) => {
    const n = Number(text.slice(0, -1));
    const unit = text.slice(-1);
    const minutes = unit === 'm' ? 1 : unit === 'h' ? 60 : unit === 'd' ? 1440 : 10_080;
    return n * minutes * 60_000;
  });

export const listQuery = z.strictObject({
  status: csv(CHANGE_REQUEST_STATES).optional().describe('Comma-separated states'),
  team: z.string().min(1).max(64).optional(),
  risk: z.enum(RISK_LEVELS).optional(),
  older_than: ageSchema.optional().describe('Only requests older than this age: 30m, 4h, 2d, 1w'),
  mine: z.enum(['true', 'false']).optional().describe('Only requests I authored'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const diffQuery = z.strictObject({ format: z.enum(['text', 'markdown', 'json']).default('text') });

export const revisionDiffQuery = z.strictObject({
  from: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe('The earlier revision (default: the one before `to`)'),
  to: z.coerce.number().int().min(1).optional().describe('The later revision (default: the current one)'),
  format: z.enum(['json', 'text', 'markdown']).default('json'),
});

const findingRef = z.object({
  ruleId: z.string(),
  severity: z.string(),
  status: z.string(),
  subject: z.string().nullable(),
  message: z.string(),
});
const revisionCost = z.object({ monthly: z.number().nullable(), unpriced: z.array(z.string()) });

export const revisionDiffSchema = z
  .object({
    from: z.number(),
    to: z.number(),
    isEmpty: z.boolean(),
    components: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        change: z.enum(['added', 'removed', 'changed']),
        params: z.array(z.object({ name: z.string(), before: z.unknown(), after: z.unknown() })),
      }),
    ),
    resources: z.object({
      summaryLine: z.string(),
      changes: z.array(z.object({ logicalId: z.string(), type: z.string(), action: z.string() })),
    }),
    findings: z.object({ added: z.array(findingRef), resolved: z.array(findingRef) }),
    cost: z.object({ before: revisionCost, after: revisionCost, delta: z.number().nullable() }),
  })
  .meta({ id: 'RevisionDiff' });
