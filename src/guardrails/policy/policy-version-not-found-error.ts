import { AppError } from '../../errors/app-error.ts';

export class PolicyVersionNotFoundError extends AppError {
  readonly type = 'policy-version-not-found';
  readonly status = 404;
  readonly title = 'No such policy version';

  constructor(version: number) {
    super(`Policy version ${version} does not exist.`, { extensions: { version } });
  }
}
