import { AppError } from '../../errors/app-error.ts';

/** An action that the change request's current state does not allow. */
export class InvalidTransitionError extends AppError {
  readonly type = 'invalid-transition';
  readonly status = 409;
  readonly title = 'This action is not allowed in the current state';

  constructor(
    readonly currentState: string,
    readonly action: string,
    readonly allowedActions: readonly string[],
  ) {
    super(
      `cannot ${action.replace('_', ' ')} a change request that is ${currentState.replace('_', ' ')}; ` +
        (allowedActions.length === 0
          ? 'no action is allowed any more'
          : `allowed: ${allowedActions.join(', ')}`),
      { extensions: { currentState, action, allowedActions: [...allowedActions] } },
    );
  }
}
