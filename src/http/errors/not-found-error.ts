import { AppError, type AppErrorOptions } from '../../errors/app-error.ts';

/** The route or the resource does not exist (or is not visible to the caller). */
export class NotFoundError extends AppError {
  readonly type = 'not-found';
  readonly status = 404;
  readonly title = 'Not found';

  constructor(message = 'Not found.', options: AppErrorOptions = {}) {
    super(message, options);
  }
}
