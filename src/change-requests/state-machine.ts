import { InvalidTransitionError } from './errors/invalid-transition-error.ts';

/** The states of a change request. `applying` covers an export or change set awaiting its outcome. */
export const CHANGE_REQUEST_STATES = [
  'open',
  'changes_requested',
  'approved',
  'rejected',
  'applying',
  'applied',
  'failed',
  'closed',
] as const;
export type ChangeRequestState = (typeof CHANGE_REQUEST_STATES)[number];

/**
 * What can happen to a change request. `approve` may leave the request `open` while the approval rule is not
 * yet satisfied; `complete` and `fail` are the outcome of an apply (the orchestrator, or `mark-applied` /
 * `mark-failed` after an export or a change set applied out of band).
 */
export const CHANGE_REQUEST_ACTIONS = [
  'approve',
  'request_changes',
  'reject',
  'revise',
  'close',
  'apply',
  'complete',
  'fail',
] as const;
export type ChangeRequestAction = (typeof CHANGE_REQUEST_ACTIONS)[number];

/** The explicit transition table: state → action → the states it may lead to (first one is the default). */
const TRANSITIONS: Readonly<
  Record<ChangeRequestState, Partial<Record<ChangeRequestAction, readonly ChangeRequestState[]>>>
> = {
  open: {
    approve: ['open', 'approved'],
    request_changes: ['changes_requested'],
    reject: ['rejected'],
    revise: ['open'],
    close: ['closed'],
  },
  changes_requested: {
    approve: ['open', 'approved', 'changes_requested'],
    request_changes: ['changes_requested'],
    reject: ['rejected'],
    revise: ['open'],
    close: ['closed'],
  },
  approved: {
    approve: ['approved'],
    request_changes: ['changes_requested'],
    reject: ['rejected'],
    revise: ['open'],
    close: ['closed'],
    apply: ['applying'],
  },
  applying: {
    complete: ['applied'],
    fail: ['failed'],
  },
  failed: {
    revise: ['open'],
    close: ['closed'],
  },
  rejected: {},
  applied: {},
  closed: {},
};

/** States that end the life of a change request. */
export const TERMINAL_STATES: readonly ChangeRequestState[] = ['rejected', 'applied', 'closed'];

/** The actions allowed in a state, in the declaration order of CHANGE_REQUEST_ACTIONS. */
export function allowedActions(state: ChangeRequestState): ChangeRequestAction[] {
  const table = TRANSITIONS[state];
  return CHANGE_REQUEST_ACTIONS.filter((action) => table[action] !== undefined);
}

/**
 * The state after `action` in `state`. `target` picks among several possible outcomes (for `approve`: `approved`
 * when the approval rule is satisfied, `open` otherwise); it must be one the table allows.
 * Throws InvalidTransitionError (409) naming the current state and the allowed actions.
 */
export function transition(
  state: ChangeRequestState,
  action: ChangeRequestAction,
  target?: ChangeRequestState,
): ChangeRequestState {
  const outcomes = TRANSITIONS[state][action];
  if (outcomes === undefined) {
    throw new InvalidTransitionError(state, action, allowedActions(state));
  }
  if (target === undefined) return outcomes[0] as ChangeRequestState;
  if (!outcomes.includes(target)) {
    throw new InvalidTransitionError(state, action, allowedActions(state));
  }
  return target;
}
