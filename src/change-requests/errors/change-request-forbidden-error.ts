import { AppError } from '../../errors/app-error.ts';

/** The caller's role does not allow this action on a change request. */
export class ChangeRequestForbiddenError extends AppError {
  readonly type = 'change-request-forbidden';
  readonly status = 403;
  readonly title = 'You may not do this on the change request';

  constructor(
    readonly action: string,
    readonly who: string,
  ) {
    super(`only ${who} can ${action.replace('_', ' ')} a change request`, {
      extensions: { action, allowed: who },
    });
  }
}
