import { AppError, type AppErrorOptions } from '../../errors/app-error.ts';

/** A dependency (the store) is unreachable or not ready. */
export class ServiceUnavailableError extends AppError {
  readonly type = 'service-unavailable';
  readonly status = 503;
  readonly title = 'Service unavailable';

  constructor(message = 'The service is not ready.', options: AppErrorOptions = {}) {
    super(message, options);
  }
}
