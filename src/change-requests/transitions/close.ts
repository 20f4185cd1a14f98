import { hasRole } from '../../identity/roles.ts';
import type { Db } from '../../store/database.ts';
import type { ChangeRequestRow } from '../change-request-repository.ts';
import { ChangeRequestForbiddenError } from '../errors/change-request-forbidden-error.ts';
import type { MutationRunner } from '../service/mutation-runner.ts';
import type { ActionContext, Mutation } from '../service/service-types.ts';
import { releaseStackLock } from '../stack-lock.ts';
import { type ChangeRequestState, transition } from '../state-machine.ts';

/** Withdraws the request (the author, a policy admin or an admin), with an optional reason. */
export async function closeChangeRequest(
  runner: MutationRunner,
  trx: Db,
  ctx: ActionContext,
  row: ChangeRequestRow,
  reason: string | null,
  mutation: Mutation,
): Promise<void> {
  if (row.author_id !== ctx.user.id && !hasRole(ctx.user, ['policy_admin'])) {
    throw new ChangeRequestForbiddenError('close', 'the author, a policy_admin or an admin');
  }
  const state = row.state as ChangeRequestState;
  const next = transition(state, 'close');
  if (reason !== null) await runner.insertComment(trx, row, ctx.user, 'close', reason);
  await runner.bump(trx, row, { state: next, closed_at: new Date() });
  await releaseStackLock(trx, row.id);
  mutation.audit = {
    action: 'change_request.close',
    from: state,
    to: next,
    summary: { revision: row.revision, version: row.version, ...(reason === null ? {} : { reason }) },
  };
  mutation.events.push({ type: 'closed', reason });
}
