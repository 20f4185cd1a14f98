import type { Db } from '../../store/database.ts';
import type { ChangeRequestRow } from '../change-request-repository.ts';
import type { MutationRunner } from '../service/mutation-runner.ts';
import type { ActionContext, Mutation } from '../service/service-types.ts';
import type { ChangeRequestState } from '../state-machine.ts';

/** A comment, in any state. It is a change like any other: the version moves on. */
export async function commentOn(
  runner: MutationRunner,
  trx: Db,
  ctx: ActionContext,
  row: ChangeRequestRow,
  body: string,
  mutation: Mutation,
): Promise<void> {
  await runner.insertComment(trx, row, ctx.user, 'comment', body);
  await runner.bump(trx, row);
  const state = row.state as ChangeRequestState;
  mutation.audit = {
    action: 'change_request.comment',
    from: state,
    to: state,
    summary: { revision: row.revision, version: row.version },
  };
  mutation.events.push({ type: 'commented', reason: body });
}
