import type { Db } from '../store/database.ts';
import type { ApprovalPolicy } from './approvals/approval-policy.ts';
import type { ChangeRequest, Channel } from './change-request.ts';
import { lockChangeRequest } from './change-request-repository.ts';
import { ProposalNotFoundError } from './errors/proposal-not-found-error.ts';
import type { StoredResponse } from './idempotency.ts';
import type { StackKey } from './ports.ts';
import { currentBaseline, proposalAndDeployed } from './service/freeze-proposal.ts';
import { MutationRunner } from './service/mutation-runner.ts';
import type {
  ActionContext,
  ChangeRequestServiceOptions,
  Expectation,
  Idempotency,
} from './service/service-types.ts';
import { approveChangeRequest } from './transitions/approve.ts';
import { closeChangeRequest } from './transitions/close.ts';
import { commentOn } from './transitions/comment.ts';
import { type CreateInput, createChangeRequest } from './transitions/create.ts';
import { reviewDecision } from './transitions/review-decision.ts';
import { reviseChangeRequest } from './transitions/revise.ts';
import { type SubmitOutcome, submitProposal } from './transitions/submit.ts';

export type {
  ActionContext,
  ChangeRequestServiceOptions,
  Expectation,
  Idempotency,
  Mutation,
  RiskPolicy,
} from './service/service-types.ts';
export { stackKeyOf } from './service/freeze-proposal.ts';

/**
 * The review workflow. Each transition lives in its own module (`transitions/`); every one runs through the
 * MutationRunner: one transaction on the locked row, the caller's version and revision checked, the version
 * bumped, an audit entry with digests of the whole request before and after, events after the commit.
 * Nothing here calls AWS (see ApplyOrchestrator).
 */
export class ChangeRequestService {
  readonly runner: MutationRunner;

  constructor(private readonly options: ChangeRequestServiceOptions) {
    this.runner = new MutationRunner(options);
  }

  get approvalPolicy(): ApprovalPolicy {
    return this.options.approvalPolicy;
  }

  get(id: string, db: Db = this.options.db): Promise<ChangeRequest> {
    return this.runner.get(id, db);
  }

  /** A new change request from a proposal (201); 409 open-change-request when its stack has an open one. */
  async create(
    ctx: ActionContext,
    input: CreateInput,
    idempotency: Idempotency | null,
  ): Promise<StoredResponse<ChangeRequest>> {
    const { proposal, deployed } = await proposalAndDeployed(this.options, input.proposalId);
    return this.runner.mutateNew(
      ctx,
      idempotency && {
        operation: 'change_request.create',
        actorId: ctx.user.id,
        key: idempotency.key,
        request: { ...input, title: input.title ?? null, description: input.description ?? null },
      },
      async (trx, mutation) => {
        if (proposal === null) throw new ProposalNotFoundError(input.proposalId);
        return createChangeRequest(this.options, trx, ctx, input, proposal, deployed, mutation);
      },
    );
  }

  /**
   * "Submit for review" from chat and Slack: a new change request, or the next revision of the stack's open
   * one when it comes from the same conversation (the same proposal again changes nothing).
   */
  async submit(
    ctx: ActionContext,
    input: { proposalId: string; channel: Channel },
    idempotency: Idempotency | null,
  ): Promise<StoredResponse<ChangeRequest> & { outcome: SubmitOutcome }> {
    const { proposal, deployed } = await proposalAndDeployed(this.options, input.proposalId);
    let outcome: SubmitOutcome = 'created';
    const result = await this.runner.mutateNew(
      ctx,
      idempotency && {
        operation: 'change_request.submit',
        actorId: ctx.user.id,
        key: idempotency.key,
        request: input,
      },
      async (trx, mutation) => {
        if (proposal === null) throw new ProposalNotFoundError(input.proposalId);
        const done = await submitProposal(
          this.options,
          this.runner,
          trx,
          ctx,
          input,
          proposal,
          deployed,
          mutation,
        );
        outcome = done.outcome;
        return done;
      },
    );
    return { ...result, outcome: result.replayed ? 'unchanged' : outcome };
  }

  /** The next revision from a newer proposal of the same conversation: earlier approvals are dismissed. */
  async revise(
    ctx: ActionContext,
    id: string,
    input: { proposalId: string; expectedVersion?: number | undefined },
  ): Promise<ChangeRequest> {
    const { proposal, deployed } = await proposalAndDeployed(this.options, input.proposalId);
    return this.runner.mutate(ctx, id, { version: input.expectedVersion }, (trx, row, mutation) =>
      reviseChangeRequest(
        this.options,
        this.runner,
        trx,
        ctx,
        row,
        proposal,
        input.proposalId,
        deployed,
        mutation,
      ),
    );
  }

  async approve(
    ctx: ActionContext,
    id: string,
    input: Expectation & { comment?: string | undefined },
    idempotency: Idempotency | null,
  ): Promise<StoredResponse<ChangeRequest>> {
    const comment = input.comment ?? null;
    return this.runner.mutateIdempotently(
      ctx,
      id,
      'approve',
      input,
      idempotency,
      { comment },
      (trx, row, mutation) =>
        approveChangeRequest(this.runner, this.options.approvalPolicy, trx, ctx, row, comment, mutation),
    );
  }

  requestChanges(
    ctx: ActionContext,
    id: string,
    input: Expectation & { reason: string },
  ): Promise<ChangeRequest> {
    return this.decide(ctx, id, input, 'request_changes');
  }

  reject(ctx: ActionContext, id: string, input: Expectation & { reason: string }): Promise<ChangeRequest> {
    return this.decide(ctx, id, input, 'reject');
  }

  private decide(
    ctx: ActionContext,
    id: string,
    input: Expectation & { reason: string },
    action: 'request_changes' | 'reject',
  ): Promise<ChangeRequest> {
    return this.runner.mutate(ctx, id, input, (trx, row, mutation) =>
      reviewDecision(this.runner, this.options.approvalPolicy, trx, ctx, row, action, input.reason, mutation),
    );
  }

  /** Withdraws the request (the author, a policy admin or an admin). */
  close(
    ctx: ActionContext,
    id: string,
    input: { reason?: string | undefined; expectedVersion?: number | undefined },
  ): Promise<ChangeRequest> {
    return this.runner.mutate(ctx, id, { version: input.expectedVersion }, (trx, row, mutation) =>
      closeChangeRequest(this.runner, trx, ctx, row, input.reason ?? null, mutation),
    );
  }

  /** A comment, in any state; like every change, it moves the version on. */
  async comment(ctx: ActionContext, id: string, input: { body: string }): Promise<ChangeRequest> {
    return this.runner.mutate(ctx, id, {}, (trx, row, mutation) =>
      commentOn(this.runner, trx, ctx, row, input.body, mutation),
    );
  }

  /** The stack's baseline: the stored one, else the deployed one read before the transaction. */
  currentBaseline(
    trx: Db,
    key: StackKey & { name: string },
    deployed: Record<string, unknown> | null,
  ): Promise<Record<string, unknown> | null> {
    return currentBaseline(this.options, trx, key, deployed);
  }

  /** The row, locked (for the apply orchestrator's own transactions). */
  lock(trx: Db, id: string) {
    return lockChangeRequest(trx, id);
  }
}
