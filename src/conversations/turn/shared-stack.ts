import type { Architecture } from '../../model/architecture.ts';

/** A stack to look for other conversations on: a team's app in an environment, this conversation excluded. */
export interface StackQuery {
  team: string;
  environment: string;
  name: string;
  excluding: string;
}

/** Another conversation found on the stack. */
export interface OtherConversation {
  id: string;
  title: string | null;
}

/**
 * The stack to check for other conversations after a turn, pure, or null when there is nothing to check:
 * the architecture has no stack yet (no team, environment or components), or it kept the stack it already
 * had a proposal for. A turn points the conversation at a stack by its first proposal, by naming the app or
 * by setting team or environment.
 */
export function sharedStackQuery(
  conversation: { id: string; architecture: Architecture; latestProposalId: string | null },
  next: Architecture,
): StackQuery | null {
  const before = conversation.architecture;
  if (!next.team || !next.environment || next.components.length === 0) return null;
  const same =
    next.name === before.name && next.team === before.team && next.environment === before.environment;
  if (same && conversation.latestProposalId) return null;
  return { team: next.team, environment: next.environment, name: next.name, excluding: conversation.id };
}

/**
 * The note a turn adds when another conversation of the team works on the same stack, pure: their changes go
 * to one stack, and only one change request per stack can be open at a time.
 */
export function sharedStackNote(other: OtherConversation, stack: StackQuery): string {
  const which = other.title ? `"${other.title}"` : other.id;
  return `Conversation ${which} also works on the ${stack.team} ${stack.name} stack in ${stack.environment}: both change the same stack, and only one change request per stack can be open at a time. Say "call the app …" to work on a stack of its own.`;
}
