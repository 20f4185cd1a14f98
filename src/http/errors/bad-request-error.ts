import { AppError, type AppErrorOptions } from '../../errors/app-error.ts';

/** The request is malformed in a way no more specific error describes. */
export class BadRequestError extends AppError {
  readonly type = 'bad-request';
  readonly status = 400;
  readonly title = 'Bad request';

  constructor(message = 'The request is malformed.', options: AppErrorOptions = {}) {
    super(message, options);
  }
}
