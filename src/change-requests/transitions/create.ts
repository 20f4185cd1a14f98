import { randomUUID } from 'node:crypto';
import type { Db } from '../../store/database.ts';
import type { ChangeRequest, Channel } from '../change-request.ts';
import { NotTeamMemberError } from '../errors/not-team-member-error.ts';
import { OpenChangeRequestError } from '../errors/open-change-request-error.ts';
import type { ProposalSnapshot } from '../ports.ts';
import { defaultTitle, freezeProposal, insertRevision, stackKeyOf } from '../service/freeze-proposal.ts';
import { lockStackRequests, openRef, openRequestOf } from '../service/open-request.ts';
import type { ActionContext, ChangeRequestServiceOptions, Mutation } from '../service/service-types.ts';
import type {} from '../tables.ts';

export interface CreateInput {
  proposalId: string;
  title?: string | undefined;
  description?: string | undefined;
  channel: Channel;
}

/**
 * A change request from a proposal: state `open`, revision 1, version 1. Refused (409 open-change-request,
 * naming it) when the stack already has an open one: a stack has one open request, revised in place.
 */
export async function createChangeRequest(
  options: ChangeRequestServiceOptions,
  trx: Db,
  ctx: ActionContext,
  input: CreateInput,
  proposal: ProposalSnapshot,
  deployed: Record<string, unknown> | null,
  mutation: Mutation,
): Promise<{ statusCode: number; id: string; before: ChangeRequest | null }> {
  const key = stackKeyOf(proposal);
  if (key.team !== null && !ctx.user.teams.includes(key.team) && !ctx.user.roles.includes('admin')) {
    throw new NotTeamMemberError(ctx.user.id, key.team);
  }
  const frozen = await freezeProposal(options, trx, proposal, key, deployed);
  await lockStackRequests(trx, frozen.stackName);
  const open = await openRequestOf(trx, frozen.stackName);
  if (open !== null) throw new OpenChangeRequestError(frozen.stackName, openRef(open));
  const id = randomUUID();
  await trx
    .insertInto('change_requests')
    .values({
      id,
      title: input.title ?? defaultTitle(proposal, key),
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
  await insertRevision(trx, id, 1, 1, proposal, frozen, ctx.user);
  mutation.audit = {
    action: 'change_request.create',
    from: null,
    to: 'open',
    summary: {
      revision: 1,
      version: 1,
      proposalId: proposal.id,
      risk: frozen.risk.level,
      channel: input.channel,
      stack: frozen.stackName,
    },
  };
  mutation.events.push({ type: 'created', reason: null });
  return { statusCode: 201, id, before: null };
}
