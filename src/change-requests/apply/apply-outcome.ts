import { hasRole } from '../../identity/roles.ts';
import type { Db } from '../../store/database.ts';
import type { ChangeRequest } from '../change-request.ts';
import type { ApplyAttemptRow, ChangeRequestRow } from '../change-request-repository.ts';
import type { ActionContext, Mutation } from '../change-request-service.ts';
import { ApplyInProgressError } from '../errors/apply-in-progress-error.ts';
import { ChangeRequestForbiddenError } from '../errors/change-request-forbidden-error.ts';
import { releaseStackLock } from '../stack-lock.ts';
import { type ChangeRequestState, transition } from '../state-machine.ts';
import type {} from '../tables.ts';
import { type ApplyOrchestratorOptions, DRIVEN } from './apply-options.ts';
import { stackNoteOf } from './rolled-back-stack.ts';

/** mark-applied / mark-failed: what the reviewer records, on the version they read. */
export interface MarkOutcomeInput {
  outcome: 'succeeded' | 'failed';
  reason?: string | undefined;
  expectedVersion?: number | undefined;
}

export interface ApplyEnd {
  outcome: 'succeeded' | 'failed';
  reason: string | null;
  stackStatus: string | null;
}

/**
 * Records the outcome of an apply done out of band (export, or a change set executed in the console):
 * `succeeded` moves the baseline and marks the request applied; `failed` marks it failed. Reviewers only.
 */
export function markApplyOutcome(
  options: ApplyOrchestratorOptions,
  ctx: ActionContext,
  id: string,
  input: {
    outcome: 'succeeded' | 'failed';
    reason?: string | undefined;
    expectedVersion?: number | undefined;
  },
): Promise<ChangeRequest> {
  if (!hasRole(ctx.user, ['reviewer', 'policy_admin'])) {
    throw new ChangeRequestForbiddenError(
      input.outcome === 'succeeded' ? 'mark applied' : 'mark failed',
      'a reviewer, a policy_admin or an admin',
    );
  }
  return options.service.runner.mutate(
    ctx,
    id,
    { version: input.expectedVersion },
    async (trx, row, mutation) => {
      transition(row.state as ChangeRequestState, input.outcome === 'succeeded' ? 'complete' : 'fail');
      const attempt = await trx
        .selectFrom('apply_attempts')
        .selectAll()
        .where('change_request_id', '=', id)
        .where('revision', '=', row.revision)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (attempt.status !== 'exported' && attempt.status !== 'changeset_created') {
        throw new ApplyInProgressError(id, attempt.mode, attempt.status);
      }
      await finishAttempt(options, trx, ctx, row, attempt, mutation, {
        end: { outcome: input.outcome, reason: input.reason ?? null, stackStatus: null },
        summary: { outOfBand: true },
      });
    },
  );
}

/** Records the end of a driven attempt and the change request's outcome, once (the system acts). */
export async function completeAttempt(
  options: ApplyOrchestratorOptions,
  attempt: ApplyAttemptRow,
  end: ApplyEnd & { awsChanges?: unknown },
): Promise<void> {
  let done = false;
  // No caller: the system records the outcome (the audit entry names who started the apply).
  await options.service.runner.mutate(null, attempt.change_request_id, {}, async (trx, row, mutation) => {
    const locked = await trx
      .selectFrom('apply_attempts')
      .selectAll()
      .where('id', '=', attempt.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (!(DRIVEN as readonly string[]).includes(locked.status) || row.state !== 'applying') return;
    if (end.awsChanges !== undefined) {
      await trx
        .updateTable('apply_attempts')
        .set({ aws_changes: JSON.stringify(end.awsChanges) })
        .where('id', '=', attempt.id)
        .execute();
    }
    await finishAttempt(options, trx, null, row, locked, mutation, { end, summary: {} });
    done = true;
  });
  if (!done) options.log.info({ attemptId: attempt.id }, 'apply outcome already recorded');
}

/** Inside the caller's transaction: attempt outcome, state, baseline (on success), lock release, audit. */
async function finishAttempt(
  options: ApplyOrchestratorOptions,
  trx: Db,
  ctx: ActionContext | null,
  row: ChangeRequestRow,
  attempt: ApplyAttemptRow,
  mutation: Mutation,
  { end, summary }: { end: ApplyEnd; summary: Record<string, unknown> },
): Promise<void> {
  const { runner } = options.service;
  const state = row.state as ChangeRequestState;
  const next = transition(state, end.outcome === 'succeeded' ? 'complete' : 'fail');
  await trx
    .updateTable('apply_attempts')
    .set({
      status: end.outcome,
      status_reason: joinReasons(stackNoteOf(attempt), end.reason),
      stack_status: end.stackStatus,
      finished_at: new Date(),
      updated_at: new Date(),
      lease_owner: null,
      lease_until: null,
    })
    .where('id', '=', attempt.id)
    .execute();
  if (end.outcome === 'succeeded') {
    const revision = await trx
      .selectFrom('change_request_revisions')
      .select('template')
      .where('change_request_id', '=', row.id)
      .where('revision', '=', row.revision)
      .executeTakeFirstOrThrow();
    await options.stacks.setBaseline(
      trx,
      { team: row.team, app: row.app, environment: row.environment, name: row.stack_name },
      revision.template,
      {
        source: `change-request:${attempt.mode}`,
        changeRequestId: row.id,
        actorName: ctx?.user.name ?? attempt.requested_by_name,
      },
    );
    await runner.bump(trx, row, { state: next, applied_at: new Date() });
  } else {
    await runner.insertComment(
      trx,
      row,
      ctx === null ? { id: null, name: 'system' } : { id: ctx.user.id, name: ctx.user.name },
      'apply_failed',
      end.reason ?? 'the apply failed',
    );
    await runner.bump(trx, row, { state: next });
  }
  await releaseStackLock(trx, row.id);
  mutation.audit = {
    action: `change_request.${end.outcome === 'succeeded' ? 'applied' : 'apply_failed'}`,
    from: state,
    to: next,
    // The system finishes an apply on behalf of whoever started it: that person is the audit actor.
    actor: ctx ?? requesterOf(attempt),
    summary: {
      revision: row.revision,
      mode: attempt.mode,
      changeSetName: attempt.change_set_name,
      ...(attempt.template_url === null ? {} : { templateUrl: attempt.template_url }),
      ...(end.stackStatus ? { stackStatus: end.stackStatus } : {}),
      ...(end.reason ? { reason: end.reason } : {}),
      ...(ctx === null ? { recordedBy: 'apply-orchestrator' } : {}),
      ...summary,
    },
  };
  mutation.events.push({
    type: end.outcome === 'succeeded' ? 'applied' : 'failed',
    reason: end.reason,
    ...(ctx === null ? { system: true } : {}),
  });
}

/** Whoever started the apply, as the audit actor of what the system does on their behalf. */
export function requesterOf(attempt: ApplyAttemptRow): ActionContext | null {
  return attempt.requested_by_id === null
    ? null
    : { user: { id: attempt.requested_by_id, name: attempt.requested_by_name, roles: [], teams: [] } };
}

export function joinReasons(...reasons: Array<string | null>): string | null {
  const kept = reasons.filter((r): r is string => r !== null && r !== '');
  return kept.length === 0 ? null : kept.join('; ');
}
