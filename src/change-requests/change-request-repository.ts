import type { Selectable } from 'kysely';
import type { Db } from '../store/database.ts';
import type { ApprovalPolicy } from './approvals/approval-policy.ts';
import { evaluateApprovals } from './approvals/evaluate-approvals.ts';
import type {
  ApplyAttemptView,
  ApplyMode,
  ApplyStatus,
  ApprovalRecord,
  ChangeRequest,
  Channel,
  CommentRecord,
  RevisionRecord,
} from './change-request.ts';
import { ChangeRequestNotFoundError } from './errors/change-request-not-found-error.ts';
import type { ChangeRequestSummary } from './notifier.ts';
import type { Risk } from './risk/risk-types.ts';
import { stackLockHolder } from './stack-lock.ts';
import { allowedActions, type ChangeRequestState } from './state-machine.ts';
import type { ApplyAttemptsTable, ChangeRequestsTable } from './tables.ts';

export type ChangeRequestRow = Selectable<ChangeRequestsTable>;
export type ApplyAttemptRow = Selectable<ApplyAttemptsTable>;

export function iso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

function isoOf(value: Date | string): string {
  return new Date(value).toISOString();
}

/** The row, locked for the rest of the transaction (SELECT ... FOR UPDATE). */
export async function lockChangeRequest(trx: Db, id: string): Promise<ChangeRequestRow> {
  if (!isUuid(id)) throw new ChangeRequestNotFoundError(id);
  const row = await trx
    .selectFrom('change_requests')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (row === undefined) throw new ChangeRequestNotFoundError(id);
  return row;
}

export async function findChangeRequestRow(db: Db, id: string): Promise<ChangeRequestRow> {
  if (!isUuid(id)) throw new ChangeRequestNotFoundError(id);
  const row = await db.selectFrom('change_requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new ChangeRequestNotFoundError(id);
  return row;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(value: string): boolean {
  return UUID.test(value);
}

export async function currentApprovals(db: Db, id: string, revision: number): Promise<ApprovalRecord[]> {
  const rows = await db
    .selectFrom('change_request_approvals')
    .select(['approver_id', 'approver_name', 'policy_admin', 'revision', 'version', 'created_at'])
    .where('change_request_id', '=', id)
    .where('revision', '=', revision)
    .where('dismissed_at', 'is', null)
    .orderBy('created_at')
    .orderBy('approver_name')
    .execute();
  return rows.map((r) => ({
    approverId: r.approver_id,
    approverName: r.approver_name,
    policyAdmin: r.policy_admin,
    revision: r.revision,
    version: r.version,
    at: isoOf(r.created_at),
  }));
}

function applyAttemptView(row: ApplyAttemptRow): ApplyAttemptView {
  return {
    id: row.id,
    revision: row.revision,
    mode: row.mode as ApplyMode,
    status: row.status as ApplyStatus,
    statusReason: row.status_reason,
    stackName: row.stack_name,
    changeSetName: row.change_set_name,
    templateUrl: row.template_url,
    awsChanges: row.aws_changes,
    bundle: row.bundle,
    stackStatus: row.stack_status,
    requestedBy: row.requested_by_name,
    createdAt: isoOf(row.created_at),
    updatedAt: isoOf(row.updated_at),
    finishedAt: iso(row.finished_at),
  };
}

async function latestApplyAttempt(db: Db, id: string): Promise<ApplyAttemptRow | undefined> {
  return db
    .selectFrom('apply_attempts')
    .selectAll()
    .where('change_request_id', '=', id)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The whole change request as the API returns it. */
export async function loadChangeRequest(db: Db, id: string, policy: ApprovalPolicy): Promise<ChangeRequest> {
  const row = await findChangeRequestRow(db, id);
  // The rest depends only on the row: asked together.
  const [revision, revisions, approvals, comments, attempt, lock] = await Promise.all([
    db
      .selectFrom('change_request_revisions')
      .selectAll()
      .where('change_request_id', '=', id)
      .where('revision', '=', row.revision)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('change_request_revisions')
      .select(['revision', 'proposal_id', 'version', 'risk', 'created_by_name', 'created_at'])
      .where('change_request_id', '=', id)
      .orderBy('revision')
      .execute(),
    currentApprovals(db, id, row.revision),
    db
      .selectFrom('change_request_comments')
      .selectAll()
      .where('change_request_id', '=', id)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    latestApplyAttempt(db, id),
    stackLockHolder(db, row.stack_name),
  ]);
  const risk = revision.risk as Risk;
  const state = row.state as ChangeRequestState;
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    state,
    version: row.version,
    revision: row.revision,
    stack: { team: row.team, app: row.app, environment: row.environment, name: row.stack_name },
    author: { id: row.author_id, name: row.author_name },
    channel: row.channel as Channel,
    conversationId: row.conversation_id,
    risk,
    approvals: {
      status: evaluateApprovals(
        approvals.map((a) => ({ approverId: a.approverId, policyAdmin: a.policyAdmin })),
        risk.level,
        policy,
      ),
      records: approvals,
    },
    allowedActions: allowedActions(state),
    revisions: revisions.map(
      (r): RevisionRecord => ({
        revision: r.revision,
        proposalId: r.proposal_id,
        version: r.version,
        risk: (r.risk as Risk).level,
        createdBy: r.created_by_name,
        createdAt: isoOf(r.created_at),
      }),
    ),
    snapshot: {
      proposalId: revision.proposal_id,
      architecture: revision.architecture,
      template: revision.template,
      templateYaml: revision.template_yaml,
      findings: revision.findings,
      diff: revision.diff,
      cost: revision.cost,
    },
    lock,
    apply: attempt === undefined ? null : applyAttemptView(attempt),
    comments: comments.map(
      (c): CommentRecord => ({
        id: c.id,
        revision: c.revision,
        version: c.version,
        kind: c.kind as CommentRecord['kind'],
        author: { id: c.author_id, name: c.author_name },
        body: c.body,
        at: isoOf(c.created_at),
      }),
    ),
    changesRequestedCount: row.changes_requested_count,
    createdAt: isoOf(row.created_at),
    updatedAt: isoOf(row.updated_at),
    firstReviewAt: iso(row.first_review_at),
    approvedAt: iso(row.approved_at),
    appliedAt: iso(row.applied_at),
    closedAt: iso(row.closed_at),
  };
}

interface DiffLike {
  summaryLine?: unknown;
  resources?: unknown;
  cost?: { monthlyDelta?: unknown } | null;
}

/** Destroys and replacements from a stored diff, in the diff's order: "destroy OrdersDb (AWS::RDS::DBInstance)". */
export function dangerousChangesOf(diff: unknown): string[] {
  const resources = (diff as DiffLike | null)?.resources;
  if (!Array.isArray(resources)) return [];
  const out: string[] = [];
  for (const r of resources as Array<{ action?: unknown; logicalId?: unknown; type?: unknown }>) {
    if (r.action === 'destroy' || r.action === 'replace' || r.action === 'may_replace') {
      out.push(`${String(r.action).replace('_', ' ')} ${String(r.logicalId)} (${String(r.type)})`);
    }
  }
  return out;
}

export function summaryOf(cr: ChangeRequest): ChangeRequestSummary {
  const diff = cr.snapshot.diff as DiffLike | null;
  const delta = diff?.cost?.monthlyDelta;
  return {
    id: cr.id,
    title: cr.title,
    state: cr.state,
    version: cr.version,
    revision: cr.revision,
    team: cr.stack.team,
    app: cr.stack.app,
    environment: cr.stack.environment,
    stackName: cr.stack.name,
    authorId: cr.author.id,
    authorName: cr.author.name,
    channel: cr.channel,
    conversationId: cr.conversationId,
    proposalId: cr.snapshot.proposalId,
    risk: { level: cr.risk.level, reasons: cr.risk.reasons.map((r) => r.message) },
    approvals: {
      have: cr.approvals.status.approvals,
      need: cr.approvals.status.required.approvals,
      approvers: cr.approvals.records.map((a) => a.approverName),
      missing: cr.approvals.status.missing,
    },
    diffSummary: typeof diff?.summaryLine === 'string' ? diff.summaryLine : '',
    dangerousChanges: dangerousChangesOf(cr.snapshot.diff),
    monthlyCostDelta: typeof delta === 'number' ? delta : null,
    createdAt: cr.createdAt,
    updatedAt: cr.updatedAt,
  };
}
