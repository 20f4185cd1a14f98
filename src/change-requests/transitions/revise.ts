import type { Db } from '../../store/database.ts';
import type { ChangeRequestRow } from '../change-request-repository.ts';
import { ChangeRequestForbiddenError } from '../errors/change-request-forbidden-error.ts';
import { ProposalMismatchError } from '../errors/proposal-mismatch-error.ts';
import { ProposalNotFoundError } from '../errors/proposal-not-found-error.ts';
import type { ProposalSnapshot } from '../ports.ts';
import { freezeProposal, insertRevision, stackKeyOf } from '../service/freeze-proposal.ts';
import type { MutationRunner } from '../service/mutation-runner.ts';
import type { ActionContext, ChangeRequestServiceOptions, Mutation } from '../service/service-types.ts';
import { type ChangeRequestState, transition } from '../state-machine.ts';
import type {} from '../tables.ts';

/**
 * The next revision from a newer proposal of the same conversation and stack (the author or an admin):
 * earlier approvals are dismissed, the request is open again, and the version moves on, so a decision sent
 * with the version or revision of before is refused.
 */
export async function reviseChangeRequest(
  options: ChangeRequestServiceOptions,
  runner: MutationRunner,
  trx: Db,
  ctx: ActionContext,
  row: ChangeRequestRow,
  proposal: ProposalSnapshot | null,
  proposalId: string,
  deployed: Record<string, unknown> | null,
  mutation: Mutation,
): Promise<void> {
  if (row.author_id !== ctx.user.id && !ctx.user.roles.includes('admin')) {
    throw new ChangeRequestForbiddenError('revise', 'the author or an admin');
  }
  const state = row.state as ChangeRequestState;
  const next = transition(state, 'revise');
  if (proposal === null) throw new ProposalNotFoundError(proposalId);
  if (proposal.conversationId !== row.conversation_id) {
    throw new ProposalMismatchError(proposal.id, 'it belongs to another conversation');
  }
  const current = await trx
    .selectFrom('change_request_revisions')
    .select('proposal_id')
    .where('change_request_id', '=', row.id)
    .where('revision', '=', row.revision)
    .executeTakeFirstOrThrow();
  if (current.proposal_id === proposal.id) {
    throw new ProposalMismatchError(proposal.id, `it is already revision ${row.revision}`);
  }
  const previous = await options.proposals.load(trx, current.proposal_id);
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
  const frozen = await freezeProposal(options, trx, proposal, key, deployed);
  const revision = row.revision + 1;
  const dismissed = await trx
    .updateTable('change_request_approvals')
    .set({ dismissed_at: new Date() })
    .where('change_request_id', '=', row.id)
    .where('dismissed_at', 'is', null)
    .executeTakeFirst();
  await insertRevision(trx, row.id, revision, row.version + 1, proposal, frozen, ctx.user);
  await runner.bump(trx, row, { revision, state: next, risk_level: frozen.risk.level, approved_at: null });
  mutation.audit = {
    action: 'change_request.revise',
    from: state,
    to: next,
    summary: {
      revision,
      version: row.version + 1,
      previousRevision: row.revision,
      proposalId: proposal.id,
      risk: frozen.risk.level,
      approvalsDismissed: Number(dismissed.numUpdatedRows),
    },
  };
  mutation.events.push({ type: 'revised', reason: null });
}
