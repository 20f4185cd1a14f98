import type { PlanIntent } from '../../planner/planner.ts';
import type { SessionStep } from '../../planner/session.ts';
import type { ReplyInput } from '../compose-reply.ts';

/**
 * What the reply says the turn did, pure: the planner's reading of the message for questions, submits and
 * small talk; otherwise what happened to the architecture (an edit that changed nothing is `unchanged`).
 */
export function turnOutcome(intent: PlanIntent, step: SessionStep): ReplyInput['outcome'] {
  if (intent === 'question') return 'answered';
  if (intent === 'submit') return 'submit';
  if (intent === 'smalltalk') return 'smalltalk';
  if (step.kind === 'edited') return step.changed ? 'edited' : 'unchanged';
  return step.kind;
}
