import { AppError, type AppErrorOptions } from '../../errors/app-error.ts';

/** The request Content-Type is not one the route accepts. */
export class UnsupportedMediaTypeError extends AppError {
  readonly type = 'unsupported-media-type';
  readonly status = 415;
  readonly title = 'Unsupported media type';

  constructor(message = 'Unsupported Content-Type; send application/json.', options: AppErrorOptions = {}) {
    super(message, options);
  }
}
