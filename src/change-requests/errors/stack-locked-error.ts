import { AppError } from '../../errors/app-error.ts';

/** Another change request holds the stack's apply lock. */
export class StackLockedError extends AppError {
  readonly type = 'stack-locked';
  readonly status = 409;
  readonly title = 'Another change request holds the stack lock';

  constructor(
    readonly stackName: string,
    readonly holder: { changeRequestId: string; title: string; lockedBy: string; lockedAt: string },
  ) {
    super(
      `stack ${stackName} is locked by change request ${holder.changeRequestId} ("${holder.title}"), ` +
        `applied by ${holder.lockedBy} since ${holder.lockedAt}`,
      { extensions: { stackName, holder } },
    );
  }
}
