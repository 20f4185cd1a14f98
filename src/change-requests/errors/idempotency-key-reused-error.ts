import { AppError } from '../../errors/app-error.ts';

/** The same Idempotency-Key was sent with a different request body. */
export class IdempotencyKeyReusedError extends AppError {
  readonly type = 'idempotency-key-reused';
  readonly status = 422;
  readonly title = 'Idempotency-Key reused with a different request';

  constructor(
    readonly key: string,
    readonly operation: string,
  ) {
    super(
      `the Idempotency-Key "${key}" was already used for a different ${operation} request; use a new key for a new request`,
      { extensions: { key, operation } },
    );
  }
}
