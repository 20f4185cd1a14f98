import { AppError } from '../../errors/app-error.ts';

/** Only members of the team that owns the stack (or an admin) may submit a change to it. */
export class NotTeamMemberError extends AppError {
  readonly type = 'not-team-member';
  readonly status = 403;
  readonly title = 'You are not a member of the team that owns this stack';

  constructor(
    readonly userId: string,
    readonly team: string,
  ) {
    super(`only members of team ${team} can submit changes to its stacks`, { extensions: { userId, team } });
  }
}
