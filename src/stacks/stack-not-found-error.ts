import { AppError } from '../errors/app-error.ts';

export class StackNotFoundError extends AppError {
  readonly type = 'stack-not-found';
  readonly status = 404;
  readonly title = 'Stack not found';
  constructor(stackName: string) {
    super(`stack ${stackName} is not known: create it or import its baseline first`, {
      extensions: { stackName },
    });
  }
}
