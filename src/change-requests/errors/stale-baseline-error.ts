import { AppError } from '../../errors/app-error.ts';

/** The stack moved since the change request's diff was computed: applying it would undo that change. */
export class StaleBaselineError extends AppError {
  readonly type = 'stale-baseline';
  readonly status = 409;
  readonly title = 'The deployed stack changed since this revision was made';

  constructor(
    readonly changeRequestId: string,
    readonly stackName: string,
  ) {
    super(
      `stack ${stackName} changed since change request ${changeRequestId} was revised; ` +
        'add a new revision from a fresh proposal so reviewers see the real diff',
      { extensions: { changeRequestId, stackName } },
    );
  }
}
