import { AppError, type AppErrorOptions } from '../../errors/app-error.ts';

/** The caller exceeded the rate limit for its token (or address). */
export class RateLimitedError extends AppError {
  readonly type = 'rate-limited';
  readonly status = 429;
  readonly title = 'Too many requests';

  constructor(message = 'Rate limit exceeded; retry later.', options: AppErrorOptions = {}) {
    super(message, options);
  }
}
