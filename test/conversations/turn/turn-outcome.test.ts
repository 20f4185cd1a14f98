import { describe, expect, it } from 'vitest';
import { turnOutcome } from '../../../src/conversations/turn/turn-outcome.ts';
import { emptyArchitecture } from '../../../src/model/architecture.ts';
import { InvalidOperationError } from '../../../src/model/invalid-operation-error.ts';
import type { SessionStep } from '../../../src/planner/session.ts';

const state = { architecture: emptyArchitecture(), undo: [], redo: [] };

describe('turnOutcome', () => {
  it("follows the planner's reading for questions, submits and small talk, whatever the session did", () => {
    const step: SessionStep = { kind: 'unchanged', state };
    expect(turnOutcome('question', step)).toBe('answered');
    expect(turnOutcome('submit', step)).toBe('submit');
    expect(turnOutcome('smalltalk', step)).toBe('smalltalk');
  });

  it('says whether an edit changed anything', () => {
    expect(turnOutcome('edit', { kind: 'edited', changed: true, state })).toBe('edited');
    expect(turnOutcome('edit', { kind: 'edited', changed: false, state })).toBe('unchanged');
  });

  it('reports undo, redo, their no-ops and a rejected edit as the session step', () => {
    expect(turnOutcome('undo', { kind: 'undone', state })).toBe('undone');
    expect(turnOutcome('redo', { kind: 'nothing-to-redo', state })).toBe('nothing-to-redo');
    const error = new InvalidOperationError('no component "x"', {
      operationIndex: 0,
      op: 'remove_component',
      reason: 'unknown-component',
      valid: [],
    });
    expect(turnOutcome('edit', { kind: 'rejected', state, error })).toBe('rejected');
  });
});
