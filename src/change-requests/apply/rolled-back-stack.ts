import type { ApplyAttemptRow } from '../change-request-repository.ts';
import type {} from '../tables.ts';
import type { ApplyOrchestratorOptions } from './apply-options.ts';
import { requesterOf } from './apply-outcome.ts';
import type { CloudFormationPort } from './cloudformation-port.ts';

/**
 * The attempt's status reason while (and once) the driver deletes a stack left in ROLLBACK_COMPLETE by its
 * failed first creation. Persisted before DeleteStack is called, so a restart resumes the deletion; kept
 * (joined with the outcome's reason) when the attempt ends, so the reviewer sees what happened.
 */
export const DELETING_ROLLED_BACK_STACK =
  'deleting the stack left in ROLLBACK_COMPLETE by the failed first creation (it holds no resources) to create it afresh';
export const DELETED_ROLLED_BACK_STACK =
  'deleted the stack left in ROLLBACK_COMPLETE by the failed first creation (it held no resources) and created it afresh';
export const STACK_NOTES: readonly string[] = [DELETING_ROLLED_BACK_STACK, DELETED_ROLLED_BACK_STACK];

/** The note about a deleted rolled-back stack the attempt carries, if any. */
export function stackNoteOf(attempt: ApplyAttemptRow): string | null {
  return attempt.status_reason !== null && STACK_NOTES.includes(attempt.status_reason)
    ? attempt.status_reason
    : null;
}

/**
 * Before the change set is first created: a stack in ROLLBACK_COMPLETE that never completed a creation holds
 * no resources and can only be deleted (CreateChangeSet refuses it), so it is deleted (intent persisted and
 * audited first) and the change set then creates the stack afresh. No other stack is ever deleted.
 */
export async function clearRolledBackCreation(
  options: ApplyOrchestratorOptions,
  cfn: CloudFormationPort,
  attempt: ApplyAttemptRow,
): Promise<'ready' | 'progressed' | 'waiting'> {
  const stackName = attempt.stack_name;
  if (attempt.status_reason === DELETING_ROLLED_BACK_STACK) {
    // A restart may have come between persisting the intent and DeleteStack reaching CloudFormation.
    if (await cfn.isRolledBackCreation(stackName)) await cfn.deleteStack(stackName);
    if (!(await cfn.waitForStackDeleted(stackName))) return 'waiting';
    await noteStack(options, attempt, DELETING_ROLLED_BACK_STACK, DELETED_ROLLED_BACK_STACK, {
      action: 'change_request.apply_stack_deleted',
      summary: { stackStatus: 'DELETE_COMPLETE' },
    });
    return 'progressed';
  }
  if (attempt.status_reason !== null) return 'ready';
  if (!(await cfn.isRolledBackCreation(stackName))) return 'ready';
  const noted = await noteStack(options, attempt, null, DELETING_ROLLED_BACK_STACK, {
    action: 'change_request.apply_stack_delete',
    summary: { stackStatus: 'ROLLBACK_COMPLETE' },
  });
  if (noted) await cfn.deleteStack(stackName);
  return 'progressed';
}

/**
 * Moves the attempt's status reason from `from` to `to` (still pending), moves the request's version on and
 * audits it; false if another driver moved it first.
 */
async function noteStack(
  options: ApplyOrchestratorOptions,
  attempt: ApplyAttemptRow,
  from: string | null,
  to: string,
  audit: { action: string; summary: Record<string, unknown> },
): Promise<boolean> {
  const { runner } = options.service;
  return options.db.transaction().execute(async (trx) => {
    await options.service.lock(trx, attempt.change_request_id);
    const before = await runner.get(attempt.change_request_id, trx);
    const updated = await trx
      .updateTable('apply_attempts')
      .set({ status_reason: to, updated_at: new Date() })
      .where('id', '=', attempt.id)
      .where('status', '=', 'pending')
      .where('status_reason', from === null ? 'is' : '=', from)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await runner.bump(trx, { id: attempt.change_request_id });
    await runner.recordAudit(trx, requesterOf(attempt), attempt.change_request_id, before, {
      action: audit.action,
      from: 'applying',
      to: 'applying',
      summary: {
        revision: attempt.revision,
        mode: attempt.mode,
        stackName: attempt.stack_name,
        reason: to,
        recordedBy: 'apply-orchestrator',
        ...audit.summary,
      },
    });
    return true;
  });
}
