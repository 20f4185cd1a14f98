import { type AuthUser, hasRole } from '../identity/roles.ts';
import type { Approver } from './approvals/approver.ts';

/** The approval rule's view of an authenticated user (admin passes every role check). */
export function approverOf(user: AuthUser): Approver {
  return {
    id: user.id,
    teams: user.teams,
    canReview: hasRole(user, ['reviewer', 'policy_admin']),
    isPolicyAdmin: hasRole(user, ['policy_admin']),
  };
}
