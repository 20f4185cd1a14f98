import { AppError } from '../errors/app-error.ts';

export class WaiverAlreadyRevokedError extends AppError {
  readonly type = 'waiver-already-revoked';
  readonly status = 409;
  readonly title = 'The waiver is already revoked';

  constructor(id: string, revokedAt: string) {
    super(`Waiver ${id} was revoked at ${revokedAt}.`, { extensions: { waiverId: id, revokedAt } });
  }
}
