import { AppError } from '../../errors/app-error.ts';

export class InvalidCursorError extends AppError {
  readonly type = 'invalid-cursor';
  readonly status = 400;
  readonly title = 'Invalid page cursor';

  constructor(readonly cursor: string) {
    super('the cursor is not one this API returned; pass the nextCursor of the previous page', {
      extensions: { cursor },
    });
  }
}
