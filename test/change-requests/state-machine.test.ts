import { describe, expect, it } from 'vitest';
import { InvalidTransitionError } from '../../src/change-requests/errors/invalid-transition-error.ts';
import {
  allowedActions,
  CHANGE_REQUEST_STATES,
  TERMINAL_STATES,
  transition,
} from '../../src/change-requests/state-machine.ts';

describe('change request state machine', () => {
  it('follows the review then apply path', () => {
    let state = transition('open', 'request_changes');
    expect(state).toBe('changes_requested');
    state = transition(state, 'revise');
    expect(state).toBe('open');
    state = transition(state, 'approve', 'approved');
    state = transition(state, 'apply');
    expect(state).toBe('applying');
    expect(transition(state, 'complete')).toBe('applied');
    expect(transition(state, 'fail')).toBe('failed');
  });

  it('keeps a request open while the approval rule is not satisfied', () => {
    expect(transition('open', 'approve', 'open')).toBe('open');
    expect(transition('changes_requested', 'approve', 'open')).toBe('open');
  });

  it('refuses apply before approval, naming the state and the allowed actions', () => {
    try {
      transition('open', 'apply');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidTransitionError);
      const e = error as InvalidTransitionError;
      expect(e.status).toBe(409);
      expect(e.type).toBe('invalid-transition');
      expect(e.extensions).toEqual({
        currentState: 'open',
        action: 'apply',
        allowedActions: ['approve', 'request_changes', 'reject', 'revise', 'close'],
      });
      expect(e.message).toContain('allowed: approve, request_changes');
    }
  });

  it('refuses an outcome the table does not allow', () => {
    expect(() => transition('open', 'reject', 'applied')).toThrow(InvalidTransitionError);
  });

  it('allows nothing in a terminal state', () => {
    for (const state of TERMINAL_STATES) {
      expect(allowedActions(state)).toEqual([]);
      expect(() => transition(state, 'close')).toThrow(/no action is allowed/);
    }
  });

  it('lets every non-terminal state reach a terminal one', () => {
    for (const state of CHANGE_REQUEST_STATES) {
      if (TERMINAL_STATES.includes(state)) continue;
      expect(allowedActions(state).length).toBeGreaterThan(0);
    }
    expect(allowedActions('applying')).toEqual(['complete', 'fail']);
    expect(allowedActions('failed')).toEqual(['revise', 'close']);
  });
});
