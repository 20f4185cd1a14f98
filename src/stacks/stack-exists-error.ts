import { AppError } from '../errors/app-error.ts';

export class StackExistsError extends AppError {
  readonly type = 'stack-exists';
  readonly status = 409;
  readonly title = 'Stack already exists';
  constructor(stackName: string) {
    super(`stack ${stackName} already exists`, { extensions: { stackName } });
  }
}
