import { AppError } from '../errors/app-error.ts';

/** A user with this name already exists. */
export class UserExistsError extends AppError {
  readonly type = 'user-exists';
  readonly status = 409;
  readonly title = 'User already exists';

  constructor(name: string) {
    super(`A user named ${JSON.stringify(name)} already exists.`, { extensions: { name } });
  }
}
