import { AppError } from '../../errors/app-error.ts';

/** The outcome of an apply the service drives itself cannot be set by hand while it runs. */
export class ApplyInProgressError extends AppError {
  readonly type = 'apply-in-progress';
  readonly status = 409;
  readonly title = 'The apply is still in progress';

  constructor(
    readonly changeRequestId: string,
    readonly mode: string,
    readonly applyStatus: string,
  ) {
    super(
      `the ${mode} apply of change request ${changeRequestId} is ${applyStatus}; its outcome is recorded when CloudFormation finishes`,
      { extensions: { changeRequestId, mode, applyStatus } },
    );
  }
}
