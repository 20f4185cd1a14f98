import type { AuthUser } from '../../identity/roles.ts';
import type { ReplyInput } from '../compose-reply.ts';
import type { Channel } from '../conversation-view.ts';

/** The change request a submit opened, revised or found already up to date. */
export interface Submission {
  id: string;
  state: string;
  revision: number;
  outcome: 'created' | 'revised' | 'unchanged';
}

/** Opens a change request from a proposal ("submit it for review"), when change requests are available. */
export type Submitter = (input: {
  proposalId: string;
  actor: AuthUser;
  channel: Channel;
  requestId?: string | undefined;
}) => Promise<Submission>;

/**
 * Submits a turn's proposal and says how it went: a refusal the user can act on (a 4xx: the stack has another
 * open request, say) becomes the reason in the reply; anything else (a 5xx, a bug) fails the turn.
 */
export async function submitProposal(
  submit: (proposalId: string) => Promise<Submission>,
  proposalId: string,
): Promise<NonNullable<ReplyInput['submitted']>> {
  try {
    return { ok: true, ...(await submit(proposalId)) };
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (typeof status !== 'number' || status >= 500) throw error;
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
