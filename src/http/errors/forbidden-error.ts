import { AppError, type AppErrorOptions } from '../../errors/app-error.ts';

/** The caller is authenticated but lacks a role or team the action needs. */
export class ForbiddenError extends AppError {
  readonly type = 'forbidden';
  readonly status = 403;
  readonly title = 'Forbidden';

  constructor(message = 'You do not have permission for this action.', options: AppErrorOptions = {}) {
    super(message, options);
  }
}
