import { AppError } from '../../errors/app-error.ts';

/** A reviewer of another team tried to review, and the approval policy does not allow it. */
export class CrossTeamApprovalError extends AppError {
  readonly type = 'cross-team-approval';
  readonly status = 403;
  readonly title = 'Reviewers of another team cannot review this change request';

  constructor(
    readonly userId: string,
    readonly reviewerTeams: readonly string[],
    readonly requestTeam: string | null,
  ) {
    super(
      `a reviewer of ${reviewerTeams.length === 1 ? 'team' : 'teams'} ${reviewerTeams.join(', ')} cannot review a change request of team ${requestTeam ?? '(none)'}`,
      { extensions: { userId, reviewerTeams: [...reviewerTeams], requestTeam } },
    );
  }
}
