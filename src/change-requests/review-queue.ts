import { sql } from 'kysely';
import type { Db } from '../store/database.ts';
import type { ApprovalPolicy } from './approvals/approval-policy.ts';
import { evaluateApprovals } from './approvals/evaluate-approvals.ts';
import type { Channel } from './change-request.ts';
import { dangerousChangesOf, iso } from './change-request-repository.ts';
import { InvalidCursorError } from './errors/invalid-cursor-error.ts';
import type { ChangeRequestSummary } from './notifier.ts';
import type { Risk, RiskLevel } from './risk/risk-types.ts';
import type { ChangeRequestState } from './state-machine.ts';
import type {} from './tables.ts';

export interface QueueFilter {
  /** States to include; default: the ones waiting for a reviewer (open, changes_requested). */
  states?: readonly ChangeRequestState[] | undefined;
  team?: string | undefined;
  risk?: RiskLevel | undefined;
  /** Only requests created before this instant (older than an age). */
  createdBefore?: Date | undefined;
  authorId?: string | undefined;
  limit?: number | undefined;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string | undefined;
}

export interface QueuePage {
  items: ChangeRequestSummary[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export const DEFAULT_QUEUE_STATES: readonly ChangeRequestState[] = ['open', 'changes_requested'];

const CREATED_MS = sql<Date>`date_trunc('milliseconds', c.created_at)`;

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const [at, id] = text.split('|');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime())) throw new InvalidCursorError(cursor);
  return { createdAt, id };
}

/** Change requests matching the filter, oldest first (then by id), a page at a time. */
export async function listChangeRequests(
  db: Db,
  policy: ApprovalPolicy,
  filter: QueueFilter,
): Promise<QueuePage> {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
  const states = filter.states ?? DEFAULT_QUEUE_STATES;
  let query = db
    .selectFrom('change_requests as c')
    .innerJoin('change_request_revisions as r', (join) =>
      join.onRef('r.change_request_id', '=', 'c.id').onRef('r.revision', '=', 'c.revision'),
    )
    .selectAll('c')
    .select(['r.risk', 'r.diff', 'r.proposal_id']);
  if (states.length > 0) query = query.where('c.state', 'in', [...states]);
  if (filter.team !== undefined) query = query.where('c.team', '=', filter.team);
  if (filter.risk !== undefined) query = query.where('c.risk_level', '=', filter.risk);
  if (filter.createdBefore !== undefined) query = query.where('c.created_at', '<', filter.createdBefore);
  if (filter.authorId !== undefined) query = query.where('c.author_id', '=', filter.authorId);
  if (filter.cursor !== undefined) {
    const { createdAt, id } = decodeCursor(filter.cursor);
    // Timestamps are compared at millisecond precision, the precision of the cursor.
    query = query.where(({ eb, or, and }) =>
      or([eb(CREATED_MS, '>', createdAt), and([eb(CREATED_MS, '=', createdAt), eb('c.id', '>', id)])]),
    );
  }
  const rows = await query
    .orderBy(CREATED_MS)
    .orderBy('c.id')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const ids = page.map((r) => r.id);
  const approvals =
    ids.length === 0
      ? []
      : await db
          .selectFrom('change_request_approvals as a')
          .innerJoin('change_requests as c', (join) =>
            join.onRef('c.id', '=', 'a.change_request_id').onRef('c.revision', '=', 'a.revision'),
          )
          .select(['a.change_request_id', 'a.approver_id', 'a.approver_name', 'a.policy_admin'])
          .where('a.change_request_id', 'in', ids)
          .where('a.dismissed_at', 'is', null)
          .orderBy('a.created_at')
          .orderBy(sql`a.approver_name`)
          .execute();
  const items = page.map((row): ChangeRequestSummary => {
    const risk = row.risk as Risk;
    const mine = approvals.filter((a) => a.change_request_id === row.id);
    const status = evaluateApprovals(
      mine.map((a) => ({ approverId: a.approver_id, policyAdmin: a.policy_admin })),
      risk.level,
      policy,
    );
    const diff = row.diff as { summaryLine?: unknown; cost?: { monthlyDelta?: unknown } | null } | null;
    const delta = diff?.cost?.monthlyDelta;
    return {
      id: row.id,
      title: row.title,
      state: row.state as ChangeRequestState,
      version: row.version,
      revision: row.revision,
      team: row.team,
      app: row.app,
      environment: row.environment,
      stackName: row.stack_name,
      authorId: row.author_id,
      authorName: row.author_name,
      channel: row.channel as Channel,
      conversationId: row.conversation_id,
      proposalId: row.proposal_id,
      risk: { level: risk.level, reasons: risk.reasons.map((r) => r.message) },
      approvals: {
        have: status.approvals,
        need: status.required.approvals,
        approvers: mine.map((a) => a.approver_name),
        missing: status.missing,
      },
      diffSummary: typeof diff?.summaryLine === 'string' ? diff.summaryLine : '',
      dangerousChanges: dangerousChangesOf(row.diff),
      monthlyCostDelta: typeof delta === 'number' ? delta : null,
      createdAt: iso(row.created_at) as string,
      updatedAt: iso(row.updated_at) as string,
    };
  });
  const last = page[page.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor(new Date(last.created_at), last.id) : null,
  };
}
