import type { Architecture } from '../model/architecture.ts';
import { applyOperations } from '../model/apply-operations.ts';
import type { InvalidOperationError } from '../model/invalid-operation-error.ts';
import type { PlanResult } from './planner.ts';

/** A conversation's architecture with its undo and redo history (most recent last). */
export interface SessionState {
  architecture: Architecture;
  undo: Architecture[];
  redo: Architecture[];
}

export type SessionStep =
  | { kind: 'edited'; state: SessionState; changed: boolean }
  | { kind: 'undone' | 'redone'; state: SessionState }
  | { kind: 'nothing-to-undo' | 'nothing-to-redo' | 'unchanged'; state: SessionState }
  | { kind: 'rejected'; state: SessionState; error: InvalidOperationError };

/** How many earlier architectures a conversation keeps for undo. */
export const UNDO_DEPTH = 50;

export function startSession(architecture: Architecture): SessionState {
  return { architecture, undo: [], redo: [] };
}

/**
 * Applies a plan to the session: edits go through `applyOperations` (all or nothing), undo and redo move
 * along the history, everything else leaves the architecture as it was. Pure: returns a new state.
 */
export function advanceSession(state: SessionState, plan: PlanResult): SessionStep {
  if (plan.intent === 'undo') {
    const previous = state.undo.at(-1);
    if (!previous) return { kind: 'nothing-to-undo', state };
    return {
      kind: 'undone',
      state: {
        architecture: previous,
        undo: state.undo.slice(0, -1),
        redo: [...state.redo, state.architecture],
      },
    };
  }
  if (plan.intent === 'redo') {
    const next = state.redo.at(-1);
    if (!next) return { kind: 'nothing-to-redo', state };
    return {
      kind: 'redone',
      state: {
        architecture: next,
        undo: [...state.undo, state.architecture].slice(-UNDO_DEPTH),
        redo: state.redo.slice(0, -1),
      },
    };
  }
  if (plan.operations.length === 0) return { kind: 'unchanged', state };
  const applied = applyOperations(state.architecture, plan.operations);
  if (!applied.ok) return { kind: 'rejected', state, error: applied.error };
  const changed = JSON.stringify(applied.architecture) !== JSON.stringify(state.architecture);
  if (!changed) return { kind: 'edited', state, changed: false };
  return {
    kind: 'edited',
    changed: true,
    state: {
      architecture: applied.architecture,
      undo: [...state.undo, state.architecture].slice(-UNDO_DEPTH),
      redo: [],
    },
  };
}

/** Component ids a plan's operations touched, in order: what "it" refers to in the next message. */
export function touchedIds(plan: PlanResult): string[] {
  const out: string[] = [];
  for (const op of plan.operations) {
    if (op.op === 'connect' || op.op === 'disconnect' || op.op === 'set_meta' || op.op === 'remove_component')
      continue;
    const id = op.op === 'rename_component' ? op.newId : op.id;
    const at = out.indexOf(id);
    if (at >= 0) out.splice(at, 1);
    out.push(id);
  }
  return out;
}
