import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../store/database.ts';
import { approverOf } from '../actor.ts';
import type { ApprovalPolicy } from '../approvals/approval-policy.ts';
import { checkApprover } from '../approvals/check-approver.ts';
import { evaluateApprovals } from '../approvals/evaluate-approvals.ts';
import { type ChangeRequestRow, currentApprovals } from '../change-request-repository.ts';
import type { RiskLevel } from '../risk/risk-types.ts';
import type { MutationRunner } from '../service/mutation-runner.ts';
import type { ActionContext, Mutation } from '../service/service-types.ts';
import { type ChangeRequestState, transition } from '../state-machine.ts';
import type {} from '../tables.ts';
import { outstandingChangeRequests } from './outstanding-change-requests.ts';

/**
 * A reviewer approves the current revision (on the version the caller checked), with an optional comment.
 * The request becomes `approved` once the approval rule is satisfied and no request for changes stands;
 * approving again after asking for changes withdraws that request. Approving twice changes nothing.
 */
export async function approveChangeRequest(
  runner: MutationRunner,
  policy: ApprovalPolicy,
  trx: Db,
  ctx: ActionContext,
  row: ChangeRequestRow,
  comment: string | null,
  mutation: Mutation,
): Promise<{ statusCode: number }> {
  const state = row.state as ChangeRequestState;
  transition(state, 'approve', state === 'approved' ? 'approved' : undefined);
  const approver = approverOf(ctx.user);
  checkApprover(approver, { authorId: row.author_id, team: row.team }, policy);
  const inserted = await trx
    .insertInto('change_request_approvals')
    .values({
      id: randomUUID(),
      change_request_id: row.id,
      revision: row.revision,
      version: row.version,
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
      row.id,
      row.revision,
      await currentApprovals(trx, row.id, row.revision),
    );
    if (!standing.some((r) => r.id === ctx.user.id) && comment === null) {
      // This reviewer already approved this revision: nothing changes.
      return { statusCode: 200 };
    }
    // They approved, then asked for changes: approving again withdraws their request (on this version).
    await trx
      .updateTable('change_request_approvals')
      .set({ created_at: sql<Date>`now()`, version: row.version })
      .where('change_request_id', '=', row.id)
      .where('revision', '=', row.revision)
      .where('approver_id', '=', ctx.user.id)
      .execute();
  }
  if (comment !== null) await runner.insertComment(trx, row, ctx.user, 'approve', comment);
  const approvals = await currentApprovals(trx, row.id, row.revision);
  const status = evaluateApprovals(
    approvals.map((a) => ({ approverId: a.approverId, policyAdmin: a.policyAdmin })),
    row.risk_level as RiskLevel,
    policy,
  );
  const outstanding = (await outstandingChangeRequests(trx, row.id, row.revision, approvals)).map(
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
  await runner.bump(trx, row, {
    state: next,
    first_review_at: row.first_review_at ?? new Date(),
    ...(next === 'approved' && state !== 'approved' ? { approved_at: new Date() } : {}),
  });
  if (row.first_review_at === null) mutation.firstReview = true;
  mutation.audit = {
    action: 'change_request.approve',
    from: state,
    to: next,
    summary: {
      revision: row.revision,
      version: row.version,
      approvals: status.approvals,
      policyAdminApprovals: status.policyAdminApprovals,
      satisfied: status.satisfied,
      ...(comment === null ? {} : { comment }),
      ...(outstanding.length > 0 ? { changesRequestedBy: outstanding } : {}),
    },
  };
  mutation.events.push({ type: 'approval_recorded', reason: comment });
  if (next === 'approved' && state !== 'approved')
    mutation.events.push({ type: 'approved', reason: comment });
  return { statusCode: 200 };
}
