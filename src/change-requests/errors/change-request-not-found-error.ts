import { AppError } from '../../errors/app-error.ts';

export class ChangeRequestNotFoundError extends AppError {
  readonly type = 'change-request-not-found';
  readonly status = 404;
  readonly title = 'Change request not found';

  constructor(readonly changeRequestId: string) {
    super(`no change request with id ${changeRequestId}`, { extensions: { changeRequestId } });
  }
}
