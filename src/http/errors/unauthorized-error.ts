import { AppError, type AppErrorOptions } from '../../errors/app-error.ts';

/** No valid bearer token: missing, unknown, revoked, or belonging to a disabled user. */
export class UnauthorizedError extends AppError {
  readonly type = 'unauthorized';
  readonly status = 401;
  readonly title = 'Unauthorized';

  constructor(message = 'A valid bearer token is required.', options: AppErrorOptions = {}) {
    super(message, options);
  }
}
