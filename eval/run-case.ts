import { emptyArchitecture } from '../src/model/architecture.ts';
import type { Planner } from '../src/planner/planner.ts';
import { advanceSession, startSession, touchedIds } from '../src/planner/session.ts';
import type { EvalCase } from './case-schema.ts';
import type { CaseOutcome } from './score.ts';

/** Plays a case's messages through a planner and the session (undo/redo included), as a conversation would. */
export async function runCase(
  planner: Planner,
  c: EvalCase,
): Promise<CaseOutcome & { rejected: string[]; turns: number; fallbacks: number }> {
  let state = startSession(emptyArchitecture({ ...c.start }));
  let focus: string[] = [];
  let asked = false;
  let intent = 'edit';
  const rejected: string[] = [];
  let fallbacks = 0;
  let previous: string | undefined;
  for (const message of c.turns) {
    const plan = await planner.plan({
      architecture: state.architecture,
      message,
      focus,
      ...(previous !== undefined ? { previousMessage: previous } : {}),
    });
    previous = message;
    if (plan.planner !== planner.name) fallbacks++;
    const step = advanceSession(state, plan);
    if (step.kind === 'rejected') rejected.push(`${message}: ${step.error.message}`);
    state = step.state;
    const touched = touchedIds(plan);
    if (touched.length > 0) focus = touched;
    asked = plan.questions.length > 0;
    intent = plan.intent;
  }
  return { architecture: state.architecture, asked, intent, rejected, turns: c.turns.length, fallbacks };
}
