import { CrossTeamApprovalError } from '../errors/cross-team-approval-error.ts';
import { NotAReviewerError } from '../errors/not-a-reviewer-error.ts';
import { SelfApprovalError } from '../errors/self-approval-error.ts';
import type { ApprovalPolicy } from './approval-policy.ts';
import type { Approver } from './approver.ts';

/** Whether `reviewer` may review a request of `team` under `policy` (cross-team rule only). */
function reviewsTeam(reviewer: Approver, team: string | null, policy: ApprovalPolicy): boolean {
  if (policy.allowCrossTeamReviewers || reviewer.isPolicyAdmin) return true;
  if (reviewer.teams.length === 0) return true;
  if (reviewer.teams.some((t) => policy.infraTeams.includes(t))) return true;
  return team !== null && reviewer.teams.includes(team);
}

/**
 * Throws when `reviewer` may not approve (or request changes on, or reject) a request written by `authorId`
 * for `team`: the author never reviews their own request (403 self-approval), developers cannot review (403),
 * a reviewer of another team only when the policy allows it (403).
 */
export function checkApprover(
  reviewer: Approver,
  request: { authorId: string; team: string | null },
  policy: ApprovalPolicy,
): void {
  if (reviewer.id === request.authorId) throw new SelfApprovalError(reviewer.id);
  if (!reviewer.canReview) throw new NotAReviewerError(reviewer.id);
  if (!reviewsTeam(reviewer, request.team, policy)) {
    throw new CrossTeamApprovalError(reviewer.id, reviewer.teams, request.team);
  }
}
