import { AppError, type AppErrorOptions } from '../../errors/app-error.ts';

/** The request body is not valid JSON. */
export class MalformedJsonError extends AppError {
  readonly type = 'malformed-json';
  readonly status = 400;
  readonly title = 'Malformed JSON';

  constructor(message = 'The request body is not valid JSON.', options: AppErrorOptions = {}) {
    super(message, options);
  }
}
