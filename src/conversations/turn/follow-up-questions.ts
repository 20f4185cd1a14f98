import type { PlanIntent } from '../../planner/planner.ts';
import type { SessionStep } from '../../planner/session.ts';
import { isUnnamed } from '../app-name.ts';

export interface FollowUpInput {
  intent: PlanIntent;
  /** What the turn did; its state's architecture is the one after the turn. */
  step: SessionStep;
  /** Whether the architecture changed this turn. */
  changed: boolean;
  /** Whether the conversation had a proposal before this turn (its app name was then settled already). */
  hadProposal: boolean;
}

/**
 * The questions a turn adds to the planner's, pure: the app name when the first change was made under a
 * made-up one, and the team and environment when an edit, undo or redo leaves a non-empty architecture
 * without them (the stack is named after all three).
 */
export function followUpQuestions(input: FollowUpInput): string[] {
  const { architecture } = input.step.state;
  const questions: string[] = [];
  if (input.changed && !input.hadProposal && isUnnamed(architecture.name)) {
    questions.push(
      `What should the app be called? Its stack is named after it; I used ${architecture.name} for now.`,
    );
  }
  const reshaped = input.intent === 'edit' || input.step.kind === 'undone' || input.step.kind === 'redone';
  if (
    reshaped &&
    architecture.components.length > 0 &&
    (architecture.team === null || architecture.environment === null)
  ) {
    const missing = [
      architecture.team === null ? 'which team owns this' : '',
      architecture.environment === null ? 'which environment (dev, staging or prod)' : '',
    ]
      .filter(Boolean)
      .join(', and ');
    questions.push(`${missing[0]!.toUpperCase()}${missing.slice(1)}?`);
  }
  return questions;
}
