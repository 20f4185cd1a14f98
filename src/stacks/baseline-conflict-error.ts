import { AppError } from '../errors/app-error.ts';

/** Someone else moved the baseline since the caller read it (optimistic concurrency on the version). */
export class BaselineConflictError extends AppError {
  readonly type = 'baseline-conflict';
  readonly status = 409;
  readonly title = 'The stack baseline changed';
  constructor(stackName: string, expectedVersion: number, actualVersion: number) {
    super(
      `the baseline of stack ${stackName} is at version ${actualVersion}, not ${expectedVersion}: re-read it and diff again`,
      { extensions: { stackName, expectedVersion, actualVersion } },
    );
  }
}
