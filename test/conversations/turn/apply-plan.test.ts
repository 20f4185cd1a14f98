import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../../src/conversations/turn/apply-plan.ts';
import type { AuthUser } from '../../../src/identity/roles.ts';
import { emptyArchitecture } from '../../../src/model/architecture.ts';
import type { Operation } from '../../../src/model/operations.ts';
import type { PlanResult } from '../../../src/planner/planner.ts';
import { startSession } from '../../../src/planner/session.ts';

const dev: AuthUser = { id: 'u1', name: 'dev', roles: ['developer'], teams: ['payments'] };
const admin: AuthUser = { id: 'u2', name: 'root', roles: ['admin'], teams: [] };
const queue: Operation = { op: 'add_component', id: 'jobs', kind: 'queue', params: {} };

function edit(...operations: Operation[]): PlanResult {
  return { operations, questions: [], intent: 'edit', notes: [], planner: 'embedded' };
}

describe('applyPlan', () => {
  it("drops a non-member's team change with a note and keeps the rest of the same set_meta", () => {
    const session = startSession(emptyArchitecture({ team: 'payments' }));
    const plan = edit(queue, { op: 'set_meta', team: 'search', environment: 'prod' });
    const applied = applyPlan(session, plan, dev);
    expect(applied.notes).toEqual(['You are not a member of team search, so the team was not changed.']);
    expect(applied.operations).toEqual([queue, { op: 'set_meta', environment: 'prod' }]);
    expect(applied.step.kind).toBe('edited');
    expect(applied.step.state.architecture.team).toBe('payments');
    expect(applied.step.state.architecture.environment).toBe('prod');
  });

  it('drops a set_meta that only changed the team, so the turn changes nothing', () => {
    const session = startSession(emptyArchitecture());
    const applied = applyPlan(session, edit({ op: 'set_meta', team: 'search' }), dev);
    expect(applied.operations).toEqual([]);
    expect(applied.step.kind).toBe('unchanged');
    expect(applied.step.state.architecture).toBe(session.architecture);
  });

  it("sets a member's own team, and any team for an admin, without a note", () => {
    const session = startSession(emptyArchitecture());
    const mine = applyPlan(session, edit({ op: 'set_meta', team: 'payments' }), dev);
    expect(mine.notes).toEqual([]);
    expect(mine.step.state.architecture.team).toBe('payments');
    const any = applyPlan(session, edit({ op: 'set_meta', team: 'search' }), admin);
    expect(any.notes).toEqual([]);
    expect(any.step.state.architecture.team).toBe('search');
  });

  it('undoes to the previous architecture and keeps the current one for redo', () => {
    const before = emptyArchitecture();
    const edited = applyPlan(startSession(before), edit(queue), dev).step.state;
    const undone = applyPlan(edited, { ...edit(), intent: 'undo' }, dev);
    expect(undone.step.kind).toBe('undone');
    expect(undone.step.state.architecture).toEqual(before);
    expect(undone.step.state.redo).toHaveLength(1);
  });

  it('rejects an edit that does not apply, all or nothing, and leaves the session as it was', () => {
    const session = startSession(emptyArchitecture());
    const applied = applyPlan(session, edit(queue, { op: 'remove_component', id: 'nope' }), dev);
    expect(applied.step.kind).toBe('rejected');
    expect(applied.step.state).toBe(session);
  });
});
