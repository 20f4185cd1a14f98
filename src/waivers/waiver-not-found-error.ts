import { AppError } from '../errors/app-error.ts';

export class WaiverNotFoundError extends AppError {
  readonly type = 'waiver-not-found';
  readonly status = 404;
  readonly title = 'No such waiver';

  constructor(id: string) {
    super(`Waiver ${id} does not exist.`, { extensions: { waiverId: id } });
  }
}
