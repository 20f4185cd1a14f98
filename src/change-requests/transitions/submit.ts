import type { Db } from '../../store/database.ts';
import type { ChangeRequest, Channel } from '../change-request.ts';
import { lockChangeRequest } from '../change-request-repository.ts';
import { OpenChangeRequestError } from '../errors/open-change-request-error.ts';
import type { ProposalSnapshot } from '../ports.ts';
import { stackKeyOf } from '../service/freeze-proposal.ts';
import type { MutationRunner } from '../service/mutation-runner.ts';
import { lockStackRequests, openRef, openRequestOf } from '../service/open-request.ts';
import type { ActionContext, ChangeRequestServiceOptions, Mutation } from '../service/service-types.ts';
import type {} from '../tables.ts';
import { createChangeRequest } from './create.ts';
import { reviseChangeRequest } from './revise.ts';

/** What a submit did: a new request, the next revision of the open one, or nothing (already submitted). */
export type SubmitOutcome = 'created' | 'revised' | 'unchanged';

/**
 * Submits a proposal: the stack's open change request takes it as its next revision when it comes from the
 * same conversation and the caller may revise it; with none open, a new request is made. An open request of
 * another conversation or author is named in a 409 (open-change-request).
 */
export async function submitProposal(
  options: ChangeRequestServiceOptions,
  runner: MutationRunner,
  trx: Db,
  ctx: ActionContext,
  input: { proposalId: string; channel: Channel },
  proposal: ProposalSnapshot,
  deployed: Record<string, unknown> | null,
  mutation: Mutation,
): Promise<{ statusCode: number; id: string; before: ChangeRequest | null; outcome: SubmitOutcome }> {
  const stackName = options.stacks.nameFor(stackKeyOf(proposal));
  await lockStackRequests(trx, stackName);
  const open = await openRequestOf(trx, stackName);
  if (open === null) {
    const created = await createChangeRequest(options, trx, ctx, input, proposal, deployed, mutation);
    return { ...created, outcome: 'created' };
  }
  const mayRevise = open.author_id === ctx.user.id || ctx.user.roles.includes('admin');
  if (open.conversation_id !== proposal.conversationId || !mayRevise) {
    throw new OpenChangeRequestError(stackName, openRef(open));
  }
  const row = await lockChangeRequest(trx, open.id);
  const before = await runner.get(row.id, trx);
  if (before.snapshot.proposalId === proposal.id) {
    return { statusCode: 200, id: row.id, before, outcome: 'unchanged' };
  }
  await reviseChangeRequest(options, runner, trx, ctx, row, proposal, proposal.id, deployed, mutation);
  return { statusCode: 200, id: row.id, before, outcome: 'revised' };
}
