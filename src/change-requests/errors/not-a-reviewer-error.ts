import { AppError } from '../../errors/app-error.ts';

/** Someone without a reviewer role tried to review a change request. */
export class NotAReviewerError extends AppError {
  readonly type = 'not-a-reviewer';
  readonly status = 403;
  readonly title = 'Only reviewers can review change requests';

  constructor(readonly userId: string) {
    super('reviewing a change request needs the reviewer or policy_admin role', {
      extensions: { userId, requiredRoles: ['reviewer', 'policy_admin'] },
    });
  }
}
