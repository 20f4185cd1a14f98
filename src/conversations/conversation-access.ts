import type { AuthUser } from '../identity/roles.ts';
import { hasRole } from '../identity/roles.ts';
import type { ConversationRecord } from './conversation-repository.ts';

type Owned = Pick<ConversationRecord, 'owner' | 'team'>;

/** Who may see a conversation: its owner, members of its team, reviewers and admins. */
export function canRead(user: AuthUser, c: Owned): boolean {
  return (
    c.owner.id === user.id ||
    (c.team !== null && user.teams.includes(c.team)) ||
    hasRole(user, ['admin', 'reviewer'])
  );
}

/** Who may post in a conversation: its owner, members of its team and admins (reviewers only read). */
export function canPost(user: AuthUser, c: Owned): boolean {
  return (
    c.owner.id === user.id || (c.team !== null && user.teams.includes(c.team)) || user.roles.includes('admin')
  );
}
