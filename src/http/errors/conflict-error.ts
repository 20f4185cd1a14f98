import { AppError, type AppErrorOptions } from '../../errors/app-error.ts';

/** A version or uniqueness conflict: the resource changed or already exists. */
export class ConflictError extends AppError {
  readonly type = 'conflict';
  readonly status = 409;
  readonly title = 'Conflict';

  constructor(message = 'The resource changed or already exists.', options: AppErrorOptions = {}) {
    super(message, options);
  }
}
