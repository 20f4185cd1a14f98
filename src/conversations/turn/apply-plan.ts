import type { AuthUser } from '../../identity/roles.ts';
import type { Operation } from '../../model/operations.ts';
import type { PlanResult } from '../../planner/planner.ts';
import type { SessionState, SessionStep } from '../../planner/session.ts';
import { advanceSession } from '../../planner/session.ts';

export interface AppliedPlan {
  /** The plan's operations the actor may make (a team change to a team they are not in is dropped). */
  operations: Operation[];
  /** What applying them, or undoing or redoing, did to the session. */
  step: SessionStep;
  /** Why something the plan asked for was left out. */
  notes: string[];
}

/**
 * The apply stage of a turn, pure: keeps the operations the actor is allowed to make (admins may set any
 * team, others only one of their own; the rest of a dropped `set_meta` stays) and advances the session by
 * them: an edit applied all or nothing, an undo or a redo.
 */
export function applyPlan(session: SessionState, plan: PlanResult, actor: AuthUser): AppliedPlan {
  const notes: string[] = [];
  const operations = plan.operations.flatMap((op): Operation[] => {
    if (op.op !== 'set_meta' || op.team === undefined || op.team === null) return [op];
    if (actor.teams.includes(op.team) || actor.roles.includes('admin')) return [op];
    notes.push(`You are not a member of team ${op.team}, so the team was not changed.`);
    const { team: _team, ...rest } = op;
    return Object.keys(rest).length > 1 ? [rest] : [];
  });
  return { operations, step: advanceSession(session, { ...plan, operations }), notes };
}
