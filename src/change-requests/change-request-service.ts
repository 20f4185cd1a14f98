import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { AuditLog } from '../audit/audit-log.ts';
import { type AuthUser, hasRole } from '../identity/roles.ts';
import type { Database, Db } from '../store/database.ts';
import { approverOf } from './actor.ts';
import type { ApprovalPolicy } from './approvals/approval-policy.ts';
import { checkApprover } from './approvals/check-approver.ts';
import { evaluateApprovals } from './approvals/evaluate-approvals.ts';
import { blockingFindings } from './blocking-findings.ts';
import { canonicalHash } from './canonical-hash.ts';
import type { ApprovalRecord, ChangeRequest, Channel } from './change-request.ts';
import {
  type ChangeRequestRow,
  currentApprovals,
  loadChangeRequest,
  lockChangeRequest,
  summaryOf,
} from './change-request-repository.ts';
import { BlockingFindingsError } from './errors/blocking-findings-error.ts';
import { ChangeRequestForbiddenError } from './errors/change-request-forbidden-error.ts';
import { NotTeamMemberError } from './errors/not-team-member-error.ts';
import { ProposalMismatchError } from './errors/proposal-mismatch-error.ts';
import { ProposalNotFoundError } from './errors/proposal-not-found-error.ts';
import { VersionConflictError } from './errors/version-conflict-error.ts';
import { runIdempotently, type StoredResponse } from './idempotency.ts';
import type { ChangeEvent, ChangeEventType, ChangeNotifier } from './notifier.ts';
import type { DiffPort, ProposalPort, ProposalSnapshot, StackKey, StackPort } from './ports.ts';
import { computeRisk } from './risk/compute-risk.ts';
import type { Risk } from './risk/risk-types.ts';
import { releaseStackLock } from './stack-lock.ts';
import { type ChangeRequestState, transition } from './state-machine.ts';
import type {} from './tables.ts';

/** Who acts, and the request id the audit entry carries. */
export interface ActionContext {
  user: AuthUser;
  requestId?: string | undefined;
}

export interface RiskPolicy {
  /** Monthly cost increase (USD) above which a change is high risk. */
  costThresholdUsd: number;
  /** Per-team thresholds overriding the default. */
  costThresholdByTeam: Readonly<Record<string, number>>;
}

export interface ChangeRequestServiceOptions {
  db: Kysely<Database>;
  audit: AuditLog;
  notifier: ChangeNotifier;
  proposals: ProposalPort;
  stacks: StackPort;
  diff: DiffPort;
  approvalPolicy: ApprovalPolicy;
  riskPolicy: RiskPolicy;
  /** Called after each commit with the events it produced and the request as committed (metrics). */
  onCommitted?: (events: readonly ChangeEvent[], changeRequest: ChangeRequest, firstReview: boolean) => void;
  onEmitError?: (error: unknown) => void;
}

export interface Idempotency {
  key: string;
}

export interface Mutation {
  events: Array<{ type: ChangeEventType; reason: string | null; system?: boolean }>;
  /** True when this commit recorded the first review decision. */
  firstReview?: boolean;
}

const SUBJECT = 'change_request';

/**
 * The review workflow: every mutation runs in one transaction that locks the change request row, checks
 * the optimistic version, applies the state machine, writes the audit entry, and only after the commit
 * emits the events. Nothing here calls AWS (see ApplyOrchestrator).
 */
export class ChangeRequestService {
  constructor(private readonly options: ChangeRequestServiceOptions) {}

  get approvalPolicy(): ApprovalPolicy {
    return this.options.approvalPolicy;
  }

  async get(id: string, db: Db = this.options.db): Promise<ChangeRequest> {
    return loadChangeRequest(db, id, this.options.approvalPolicy);
  }

  /** Creates a change request from a proposal (state `open`, revision 1). 201, or the stored reply of the key. */
  async create(
    ctx: ActionContext,
    input: {
      proposalId: string;
      title?: string | undefined;
      description?: string | undefined;
      channel: Channel;
    },
    idempotency: Idempotency | null,
  ): Promise<StoredResponse<ChangeRequest>> {
    const mutation: Mutation = { events: [] };
    const { proposal, deployed } = await this.proposalAndDeployed(input.proposalId);
    const result = await runIdempotently(
      this.options.db,
      idempotency && {
        operation: 'change_request.create',
        actorId: ctx.user.id,
        key: idempotency.key,
        request: { ...input, title: input.title ?? null, description: input.description ?? null },
      },
      async (trx) => {
        if (proposal === null) throw new ProposalNotFoundError(input.proposalId);
        const key = stackKeyOf(proposal);
        if (key.team !== null && !ctx.user.teams.includes(key.team) && !ctx.user.roles.includes('admin')) {
          throw new NotTeamMemberError(ctx.user.id, key.team);
        }
        const frozen = await this.freeze(trx, proposal, key, deployed);
        const id = randomUUID();
        const title = input.title ?? defaultTitle(proposal, key);
        await trx
          .insertInto('change_requests')
          .values({
            id,
            title,
            description: input.description ?? '',
            team: key.team,
            app: key.app,
            environment: key.environment,
            stack_name: frozen.stackName,
            author_id: ctx.user.id,
            author_name: ctx.user.name,
            channel: input.channel,
            conversation_id: proposal.conversationId,
            state: 'open',
            risk_level: frozen.risk.level,
          })
          .execute();
        await this.insertRevision(trx, id, 1, proposal, frozen, ctx.user);
        await this.audit(trx, ctx, id, 'change_request.create', null, 'open', {
          revision: 1,
          proposalId: proposal.id,
          risk: frozen.risk.level,
          channel: input.channel,
          stack: frozen.stackName,
        });
        mutation.events.push({ type: 'created', reason: null });
        return { statusCode: 201, body: await this.get(id, trx) };
      },
    );
    await this.afterCommit(ctx, result, mutation);
    return result;
  }

  /** A new revision from a newer proposal of the same conversation: earlier approvals are dismissed. */
  async revise(
    ctx: ActionContext,
    id: string,
    input: { proposalId: string; expectedVersion?: number | undefined },
  ): Promise<ChangeRequest> {
    const { proposal, deployed } = await this.proposalAndDeployed(input.proposalId);
    return this.mutate(ctx, id, input.expectedVersion, async (trx, row, mutation) => {
      if (row.author_id !== ctx.user.id && !ctx.user.roles.includes('admin')) {
        throw new ChangeRequestForbiddenError('revise', 'the author or an admin');
      }
      const next = transition(row.state as ChangeRequestState, 'revise');
      if (proposal === null) throw new ProposalNotFoundError(input.proposalId);
      if (proposal.conversationId !== row.conversation_id) {
        throw new ProposalMismatchError(proposal.id, 'it belongs to another conversation');
      }
      const current = await trx
        .selectFrom('change_request_revisions')
        .select('proposal_id')
        .where('change_request_id', '=', id)
        .where('revision', '=', row.revision)
        .executeTakeFirstOrThrow();
      if (current.proposal_id === proposal.id) {
        throw new ProposalMismatchError(proposal.id, `it is already revision ${row.revision}`);
      }
      const previous = await this.options.proposals.load(trx, current.proposal_id);
      if (
        previous?.createdAt != null &&
        proposal.createdAt !== null &&
        Date.parse(proposal.createdAt) <= Date.parse(previous.createdAt)
      ) {
        throw new ProposalMismatchError(
          proposal.id,
          `it is not newer than the proposal of revision ${row.revision}`,
        );
      }
      const key = stackKeyOf(proposal);
      if (key.team !== row.team || key.app !== row.app || key.environment !== row.environment) {
        throw new ProposalMismatchError(
          proposal.id,
          `it targets another stack (${key.team ?? '-'}/${key.app}/${key.environment ?? '-'})`,
        );
      }
      const frozen = await this.freeze(trx, proposal, key, deployed);
      const revision = row.revision + 1;
      await trx
        .updateTable('change_request_approvals')
        .set({ dismissed_at: new Date() })
        .where('change_request_id', '=', id)
        .where('dismissed_at', 'is', null)
        .execute();
      await this.insertRevision(trx, id, revision, proposal, frozen, ctx.user);
      await trx
        .updateTable('change_requests')
        .set({ revision, state: next, risk_level: frozen.risk.level, approved_at: null })
        .where('id', '=', id)
        .execute();
      await this.audit(trx, ctx, id, 'change_request.revise', row.state, next, {
        revision,
        proposalId: proposal.id,
        risk: frozen.risk.level,
      });
      mutation.events.push({ type: 'revised', reason: null });
    });
  }

  async approve(
    ctx: ActionContext,
    id: string,
    input: { expectedVersion?: number | undefined },
    idempotency: Idempotency | null,
  ): Promise<StoredResponse<ChangeRequest>> {
    return this.mutateIdempotently(
      ctx,
      id,
      'approve',
      input.expectedVersion,
      idempotency,
      async (trx, row, mutation) => {
        const state = row.state as ChangeRequestState;
        transition(state, 'approve', state === 'approved' ? 'approved' : undefined);
        const approver = approverOf(ctx.user);
        checkApprover(approver, { authorId: row.author_id, team: row.team }, this.options.approvalPolicy);
        const inserted = await trx
          .insertInto('change_request_approvals')
          .values({
            id: randomUUID(),
            change_request_id: id,
            revision: row.revision,
            approver_id: ctx.user.id,
            approver_name: ctx.user.name,
            policy_admin: approver.isPolicyAdmin,
          })
          .onConflict((oc) => oc.columns(['change_request_id', 'revision', 'approver_id']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (inserted === undefined) {
          const standing = await outstandingChangeRequests(
            trx,
            id,
            row.revision,
            await currentApprovals(trx, id, row.revision),
          );
          if (!standing.some((r) => r.id === ctx.user.id)) {
            // This reviewer already approved this revision: nothing changes.
            return { statusCode: 200, body: await this.get(id, trx) };
          }
          // They approved, then asked for changes: approving again withdraws their request.
          await trx
            .updateTable('change_request_approvals')
            .set({ created_at: sql<Date>`now()` })
            .where('change_request_id', '=', id)
            .where('revision', '=', row.revision)
            .where('approver_id', '=', ctx.user.id)
            .execute();
        }
        const approvals = await currentApprovals(trx, id, row.revision);
        const status = evaluateApprovals(
          approvals.map((a) => ({ approverId: a.approverId, policyAdmin: a.policyAdmin })),
          row.risk_level as Risk['level'],
          this.options.approvalPolicy,
        );
        const outstanding = (await outstandingChangeRequests(trx, id, row.revision, approvals)).map(
          (r) => r.name,
        );
        const next: ChangeRequestState =
          state === 'approved'
            ? 'approved'
            : outstanding.length > 0
              ? 'changes_requested'
              : status.satisfied
                ? 'approved'
                : 'open';
        transition(state, 'approve', next);
        await this.bump(trx, row, {
          state: next,
          first_review_at: row.first_review_at ?? new Date(),
          ...(next === 'approved' && state !== 'approved' ? { approved_at: new Date() } : {}),
        });
        if (row.first_review_at === null) mutation.firstReview = true;
        await this.audit(trx, ctx, id, 'change_request.approve', state, next, {
          revision: row.revision,
          approvals: status.approvals,
          policyAdminApprovals: status.policyAdminApprovals,
          satisfied: status.satisfied,
          ...(outstanding.length > 0 ? { changesRequestedBy: outstanding } : {}),
        });
        mutation.events.push({ type: 'approval_recorded', reason: null });
        if (next === 'approved' && state !== 'approved')
          mutation.events.push({ type: 'approved', reason: null });
        return { statusCode: 200, body: await this.get(id, trx) };
      },
    );
  }

  async requestChanges(
    ctx: ActionContext,
    id: string,
    input: { reason: string; expectedVersion?: number | undefined },
  ): Promise<ChangeRequest> {
    return this.review(ctx, id, input, 'request_changes');
  }

  async reject(
    ctx: ActionContext,
    id: string,
    input: { reason: string; expectedVersion?: number | undefined },
  ): Promise<ChangeRequest> {
    return this.review(ctx, id, input, 'reject');
  }

  private async review(
    ctx: ActionContext,
    id: string,
    input: { reason: string; expectedVersion?: number | undefined },
    action: 'request_changes' | 'reject',
  ): Promise<ChangeRequest> {
    return this.mutate(ctx, id, input.expectedVersion, async (trx, row, mutation) => {
      const state = row.state as ChangeRequestState;
      const next = transition(state, action);
      checkApprover(
        approverOf(ctx.user),
        { authorId: row.author_id, team: row.team },
        this.options.approvalPolicy,
      );
      await this.insertComment(trx, row, ctx.user, action, input.reason);
      if (row.first_review_at === null) mutation.firstReview = true;
      await this.bump(trx, row, {
        state: next,
        first_review_at: row.first_review_at ?? new Date(),
        ...(action === 'request_changes'
          ? { changes_requested_count: row.changes_requested_count + 1 }
          : { closed_at: new Date() }),
      });
      if (action === 'reject') await releaseStackLock(trx, id);
      await this.audit(trx, ctx, id, `change_request.${action}`, state, next, {
        revision: row.revision,
        reason: input.reason,
      });
      mutation.events.push({
        type: action === 'reject' ? 'rejected' : 'changes_requested',
        reason: input.reason,
      });
    });
  }

  /** Withdraws the request (the author, a policy admin or an admin). */
  async close(
    ctx: ActionContext,
    id: string,
    input: { reason?: string | undefined; expectedVersion?: number | undefined },
  ): Promise<ChangeRequest> {
    return this.mutate(ctx, id, input.expectedVersion, async (trx, row, mutation) => {
      if (row.author_id !== ctx.user.id && !hasRole(ctx.user, ['policy_admin'])) {
        throw new ChangeRequestForbiddenError('close', 'the author, a policy_admin or an admin');
      }
      const state = row.state as ChangeRequestState;
      const next = transition(state, 'close');
      const reason = input.reason ?? null;
      if (reason !== null) await this.insertComment(trx, row, ctx.user, 'close', reason);
      await this.bump(trx, row, { state: next, closed_at: new Date() });
      await releaseStackLock(trx, id);
      await this.audit(trx, ctx, id, 'change_request.close', state, next, {
        revision: row.revision,
        ...(reason === null ? {} : { reason }),
      });
      mutation.events.push({ type: 'closed', reason });
    });
  }

  /** A comment, in any state (it does not change the version: it cannot conflict with a decision). */
  async comment(ctx: ActionContext, id: string, input: { body: string }): Promise<ChangeRequest> {
    const mutation: Mutation = { events: [] };
    const body = await this.options.db.transaction().execute(async (trx) => {
      const row = await lockChangeRequest(trx, id);
      await this.insertComment(trx, row, ctx.user, 'comment', input.body);
      await this.options.audit.record(
        {
          actor: { id: ctx.user.id, name: ctx.user.name },
          action: 'change_request.comment',
          subject: { type: SUBJECT, id },
          summary: { revision: row.revision, state: row.state },
          requestId: ctx.requestId,
        },
        trx,
      );
      mutation.events.push({ type: 'commented', reason: input.body });
      return this.get(id, trx);
    });
    await this.afterCommit(ctx, { statusCode: 201, body, replayed: false }, mutation);
    return body;
  }

  // ---- shared steps ---------------------------------------------------------------------------------------

  /**
   * Runs `work` in a transaction on the locked row after the version check, then returns the reloaded
   * request and emits the events after the commit.
   */
  async mutate(
    ctx: ActionContext | null,
    id: string,
    expectedVersion: number | undefined,
    work: (trx: Db, row: ChangeRequestRow, mutation: Mutation) => Promise<void>,
  ): Promise<ChangeRequest> {
    const mutation: Mutation = { events: [] };
    const body = await this.options.db.transaction().execute(async (trx) => {
      const row = await lockChangeRequest(trx, id);
      checkVersion(row, expectedVersion);
      await work(trx, row, mutation);
      return this.get(id, trx);
    });
    await this.afterCommit(ctx, { statusCode: 200, body, replayed: false }, mutation);
    return body;
  }

  /**
   * `mutate` for the actions a client may retry with an Idempotency-Key (`change_request.<action>:<id>`):
   * `work` answers with the status code and the request, and that reply (or its final 4xx refusal) is stored
   * under the key, so a retry gets it back without running `work` (or emitting the events) again.
   */
  async mutateIdempotently(
    ctx: ActionContext,
    id: string,
    action: string,
    expectedVersion: number | undefined,
    idempotency: Idempotency | null,
    work: (
      trx: Db,
      row: ChangeRequestRow,
      mutation: Mutation,
    ) => Promise<{ statusCode: number; body: ChangeRequest }>,
  ): Promise<StoredResponse<ChangeRequest>> {
    const mutation: Mutation = { events: [] };
    const result = await runIdempotently(
      this.options.db,
      idempotency && {
        operation: `change_request.${action}:${id}`,
        actorId: ctx.user.id,
        key: idempotency.key,
        request: { expectedVersion: expectedVersion ?? null },
      },
      async (trx) => {
        const row = await lockChangeRequest(trx, id);
        checkVersion(row, expectedVersion);
        return work(trx, row, mutation);
      },
    );
    await this.afterCommit(ctx, result, mutation);
    return result;
  }

  /** Increments the version, sets `updated_at`, and whatever else changed. */
  async bump(
    trx: Db,
    row: ChangeRequestRow,
    changes: {
      state?: ChangeRequestState;
      first_review_at?: Date | null;
      approved_at?: Date | null;
      applied_at?: Date | null;
      closed_at?: Date | null;
      changes_requested_count?: number;
    },
  ): Promise<void> {
    await trx
      .updateTable('change_requests')
      .set({ ...changes, version: sql<number>`version + 1`, updated_at: new Date() })
      .where('id', '=', row.id)
      .execute();
  }

  async audit(
    trx: Db,
    ctx: ActionContext | null,
    id: string,
    action: string,
    from: string | null,
    to: ChangeRequestState,
    summary: Record<string, unknown>,
  ): Promise<void> {
    await this.options.audit.record(
      {
        actor: ctx === null ? { id: null, name: 'system' } : { id: ctx.user.id, name: ctx.user.name },
        action,
        subject: { type: SUBJECT, id },
        ...(from === null ? {} : { before: { state: from } }),
        after: { state: to },
        summary: { from, to, ...summary },
        requestId: ctx?.requestId,
      },
      trx,
    );
  }

  async insertComment(
    trx: Db,
    row: ChangeRequestRow,
    author: { id: string | null; name: string },
    kind: 'comment' | 'request_changes' | 'reject' | 'close' | 'apply_failed',
    body: string,
  ): Promise<void> {
    await trx
      .insertInto('change_request_comments')
      .values({
        id: randomUUID(),
        change_request_id: row.id,
        revision: row.revision,
        kind,
        author_id: author.id,
        author_name: author.name,
        body,
      })
      .execute();
  }

  /** Emits the events of a committed mutation; a replayed idempotent response emits nothing. */
  async afterCommit(
    ctx: ActionContext | null,
    result: StoredResponse<ChangeRequest>,
    mutation: Mutation,
  ): Promise<void> {
    if (result.replayed || mutation.events.length === 0) return;
    const at = new Date().toISOString();
    const summary = summaryOf(result.body);
    const events: ChangeEvent[] = mutation.events.map((e) => ({
      type: e.type,
      at,
      actor: ctx === null || e.system ? null : { id: ctx.user.id, name: ctx.user.name },
      reason: e.reason,
      changeRequest: summary,
    }));
    try {
      this.options.onCommitted?.(events, result.body, mutation.firstReview === true);
    } catch (error) {
      this.options.onEmitError?.(error);
    }
    for (const event of events) await this.options.notifier.emit(event);
  }

  /**
   * The proposal (null when there is none: the transaction reports it) and the deployed template of its
   * stack when the store has no baseline. Read before the transaction, since the latter may call AWS;
   * proposals are never updated, so the transaction uses this read. `deployed` is null when there is no
   * deployed template or the proposal cannot name a stack.
   */
  private async proposalAndDeployed(proposalId: string): Promise<{
    proposal: ProposalSnapshot | null;
    deployed: Record<string, unknown> | null;
  }> {
    const proposal = await this.options.proposals.load(this.options.db, proposalId);
    if (proposal === null) return { proposal, deployed: null };
    let name: string;
    try {
      name = this.options.stacks.nameFor(stackKeyOf(proposal));
    } catch {
      return { proposal, deployed: null }; // the transaction reports the missing team or environment
    }
    return { proposal, deployed: await this.options.stacks.deployedWhenUnstored(name) };
  }

  /** The stack's baseline: the stored one, else the deployed one read before the transaction. */
  async currentBaseline(
    trx: Db,
    key: StackKey & { name: string },
    deployed: Record<string, unknown> | null,
  ): Promise<Record<string, unknown> | null> {
    return (await this.options.stacks.getBaseline(trx, key)) ?? deployed;
  }

  private async freeze(
    trx: Db,
    proposal: ProposalSnapshot,
    key: StackKey,
    deployed: Record<string, unknown> | null,
  ): Promise<{ stackName: string; risk: Risk; diff: unknown; baselineDigest: string | null }> {
    const blocking = blockingFindings(proposal.findings);
    if (blocking.length > 0) throw new BlockingFindingsError(blocking);
    const stackName = this.options.stacks.nameFor(key);
    const baseline = await this.currentBaseline(trx, { ...key, name: stackName }, deployed);
    const cost = costFiguresOf(proposal.diff);
    const facts = this.options.diff.diff(baseline, proposal.template, cost);
    const threshold =
      (key.team === null ? undefined : this.options.riskPolicy.costThresholdByTeam[key.team]) ??
      this.options.riskPolicy.costThresholdUsd;
    const risk = computeRisk(
      {
        changes: facts.resources.map((r) => ({
          logicalId: r.logicalId,
          resourceType: r.type,
          action: r.action,
        })),
        permissionsBroadened: facts.permissionsBroadened,
        before: baseline,
        after: proposal.template,
        costDeltaMonthlyUsd: facts.monthlyDelta,
        findings: proposal.findings,
        isStateful: (type) => this.options.diff.isStateful(type),
      },
      { costThresholdUsd: threshold },
    );
    return {
      stackName,
      risk,
      diff: facts.model,
      baselineDigest: baseline === null ? null : canonicalHash(baseline),
    };
  }

  private async insertRevision(
    trx: Db,
    id: string,
    revision: number,
    proposal: ProposalSnapshot,
    frozen: { risk: Risk; diff: unknown; baselineDigest: string | null },
    user: AuthUser,
  ): Promise<void> {
    await trx
      .insertInto('change_request_revisions')
      .values({
        change_request_id: id,
        revision,
        proposal_id: proposal.id,
        architecture: JSON.stringify(proposal.architecture),
        template: JSON.stringify(proposal.template),
        template_yaml: proposal.templateYaml,
        findings: JSON.stringify(proposal.findings),
        diff: JSON.stringify(frozen.diff),
        cost: proposal.cost === undefined ? null : JSON.stringify(proposal.cost),
        risk: JSON.stringify(frozen.risk),
        baseline_digest: frozen.baselineDigest,
        created_by_id: user.id,
        created_by_name: user.name,
      })
      .execute();
  }
}

function checkVersion(row: ChangeRequestRow, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    throw new VersionConflictError(row.id, expectedVersion, row.version);
  }
}

export function stackKeyOf(proposal: ProposalSnapshot): StackKey {
  return {
    team: proposal.architecture.team,
    app: proposal.architecture.name,
    environment: proposal.architecture.environment,
  };
}

function defaultTitle(proposal: ProposalSnapshot, key: StackKey): string {
  return `${key.app}${key.environment === null ? '' : ` (${key.environment})`}: proposal ${proposal.id.slice(0, 8)}`;
}

function costFiguresOf(diff: unknown): { before?: number; after?: number } {
  const cost = (diff as { cost?: { monthlyBefore?: unknown; monthlyAfter?: unknown } | null } | null)?.cost;
  const out: { before?: number; after?: number } = {};
  if (typeof cost?.monthlyBefore === 'number') out.before = cost.monthlyBefore;
  if (typeof cost?.monthlyAfter === 'number') out.after = cost.monthlyAfter;
  return out;
}

/**
 * Reviewers whose request for changes on `revision` still stands: they asked for changes and have not
 * approved since (`approvals`: the revision's current approvals, which the caller has already read).
 * Sorted by name.
 */
async function outstandingChangeRequests(
  trx: Db,
  id: string,
  revision: number,
  approvals: readonly ApprovalRecord[],
): Promise<Array<{ id: string; name: string }>> {
  const requests = await trx
    .selectFrom('change_request_comments')
    .select(['author_id', 'author_name', 'created_at'])
    .where('change_request_id', '=', id)
    .where('revision', '=', revision)
    .where('kind', '=', 'request_changes')
    .execute();
  if (requests.length === 0) return [];
  const approvedAt = new Map(approvals.map((a) => [a.approverId, Date.parse(a.at)]));
  const latest = new Map<string, { name: string; at: number }>();
  for (const r of requests) {
    if (r.author_id === null) continue;
    const at = new Date(r.created_at).getTime();
    const prev = latest.get(r.author_id);
    if (prev === undefined || prev.at < at) latest.set(r.author_id, { name: r.author_name, at });
  }
  const out: Array<{ id: string; name: string }> = [];
  for (const [authorId, { name, at }] of latest) {
    const approved = approvedAt.get(authorId);
    if (approved === undefined || approved < at) out.push({ id: authorId, name });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
