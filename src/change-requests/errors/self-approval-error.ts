import { AppError } from '../../errors/app-error.ts';

/** The author of a change request tried to approve or review it. */
export class SelfApprovalError extends AppError {
  readonly type = 'self-approval';
  readonly status = 403;
  readonly title = 'You cannot review your own change request';

  constructor(readonly userId: string) {
    super('the author of a change request cannot approve, reject or request changes on it', {
      extensions: { userId },
    });
  }
}
