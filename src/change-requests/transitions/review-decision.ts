import type { Db } from '../../store/database.ts';
import { approverOf } from '../actor.ts';
import type { ApprovalPolicy } from '../approvals/approval-policy.ts';
import { checkApprover } from '../approvals/check-approver.ts';
import type { ChangeRequestRow } from '../change-request-repository.ts';
import type { MutationRunner } from '../service/mutation-runner.ts';
import type { ActionContext, Mutation } from '../service/service-types.ts';
import { releaseStackLock } from '../stack-lock.ts';
import { type ChangeRequestState, transition } from '../state-machine.ts';

/**
 * A reviewer asks for changes (the request waits for a new revision or their approval) or rejects (the end),
 * with a reason recorded on the revision and version they saw.
 */
export async function reviewDecision(
  runner: MutationRunner,
  policy: ApprovalPolicy,
  trx: Db,
  ctx: ActionContext,
  row: ChangeRequestRow,
  action: 'request_changes' | 'reject',
  reason: string,
  mutation: Mutation,
): Promise<void> {
  const state = row.state as ChangeRequestState;
  const next = transition(state, action);
  checkApprover(approverOf(ctx.user), { authorId: row.author_id, team: row.team }, policy);
  await runner.insertComment(trx, row, ctx.user, action, reason);
  if (row.first_review_at === null) mutation.firstReview = true;
  await runner.bump(trx, row, {
    state: next,
    first_review_at: row.first_review_at ?? new Date(),
    ...(action === 'request_changes'
      ? { changes_requested_count: row.changes_requested_count + 1 }
      : { closed_at: new Date() }),
  });
  if (action === 'reject') await releaseStackLock(trx, row.id);
  mutation.audit = {
    action: `change_request.${action}`,
    from: state,
    to: next,
    summary: { revision: row.revision, version: row.version, reason },
  };
  mutation.events.push({ type: action === 'reject' ? 'rejected' : 'changes_requested', reason });
}
