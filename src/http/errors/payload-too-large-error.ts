import { AppError, type AppErrorOptions } from '../../errors/app-error.ts';

/** The request body exceeds the route body limit. */
export class PayloadTooLargeError extends AppError {
  readonly type = 'payload-too-large';
  readonly status = 413;
  readonly title = 'Payload too large';

  constructor(message = 'The request body is too large.', options: AppErrorOptions = {}) {
    super(message, options);
  }
}
