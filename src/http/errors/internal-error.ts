import { AppError, type AppErrorOptions } from '../../errors/app-error.ts';

/** Something failed inside the service; details are in the logs under the request id, never in the response. */
export class InternalError extends AppError {
  readonly type = 'internal';
  readonly status = 500;
  readonly title = 'Internal error';

  constructor(
    message = 'An internal error occurred; quote the request id when reporting it.',
    options: AppErrorOptions = {},
  ) {
    super(message, options);
  }
}
