import type { Operation } from '../model/operations.ts';
import { costText } from '../proposal/cost-summary.ts';
import { isBlocking } from '../proposal/is-blocking.ts';
import type { Proposal } from '../proposal/proposal.ts';
import { describeOperations, groupDescriptions } from './describe-operations.ts';

export interface ReplyInput {
  /** What the turn did to the architecture. */
  outcome:
    | 'edited'
    | 'unchanged'
    | 'undone'
    | 'redone'
    | 'nothing-to-undo'
    | 'nothing-to-redo'
    | 'rejected'
    | 'answered'
    | 'submit'
    | 'smalltalk';
  operations: readonly Operation[];
  proposal: Proposal | null;
  questions: readonly string[];
  notes: readonly string[];
  /** The answer to a question, when the turn was one. */
  answer?: string;
  /** Why the operations were rejected, when they were. */
  rejection?: string;
  /** The change request a submit opened, or why it could not. */
  submitted?:
    | { ok: true; id: string; state: string; revision: number; outcome: 'created' | 'revised' | 'unchanged' }
    | { ok: false; reason: string };
}

export function formatUsd(value: number): string {
  return `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/**
 * The short plain-language reply of a turn: what changed, the cost, blocking findings, what was fixed
 * automatically, then notes and at most the questions the planner asked. Pure and deterministic.
 */
export function composeReply(input: ReplyInput): string {
  const lines: string[] = [];
  const { proposal } = input;
  switch (input.outcome) {
    case 'edited': {
      const changes = proposal
        ? groupDescriptions(describeOperations(input.operations, proposal.architecture))
        : [];
      lines.push(changes.length > 0 ? `Done: ${changes.join('; ')}.` : 'Done.');
      break;
    }
    case 'unchanged':
      lines.push('Nothing changed.');
      break;
    case 'undone':
      lines.push('Undone: back to the previous version.');
      break;
    case 'redone':
      lines.push('Redone: the change is back.');
      break;
    case 'nothing-to-undo':
      lines.push('There is nothing to undo.');
      break;
    case 'nothing-to-redo':
      lines.push('There is nothing to redo.');
      break;
    case 'rejected':
      lines.push(
        `I could not make that change: ${input.rejection ?? 'it is not valid'}. Nothing was changed.`,
      );
      break;
    case 'answered':
      lines.push(input.answer ?? '');
      break;
    case 'submit':
      if (input.submitted?.ok) {
        const { id, state, revision, outcome } = input.submitted;
        lines.push(
          outcome === 'revised'
            ? `Revised change request ${id}: revision ${revision} is up for review (${state}); earlier approvals were dismissed.`
            : outcome === 'unchanged'
              ? `Already submitted: change request ${id} has this proposal as revision ${revision} (${state}).`
              : `Submitted for review: change request ${id} (${state}).`,
        );
        break;
      }
      if (input.submitted && !input.submitted.ok) {
        lines.push(`I could not submit it: ${input.submitted.reason}`);
        break;
      }
      lines.push(
        proposal
          ? `Ready for review: open a change request from proposal ${proposal.id} (POST /v1/change-requests with {"proposalId": "${proposal.id}"}).`
          : 'There is nothing to submit yet: describe what you need first.',
      );
      break;
    case 'smalltalk':
      lines.push(
        proposal
          ? 'Anything else to change?'
          : 'Hi! Describe what you need, for example "an API with a Postgres database, prod, team payments".',
      );
      break;
  }
  const showsProposal = proposal && input.outcome !== 'answered' && input.outcome !== 'smalltalk';
  if (showsProposal && proposal.architecture.components.length > 0) {
    if (proposal.cost) {
      lines.push(`Estimated cost: ${costText(proposal.cost, formatUsd)}${costDelta(proposal)}.`);
    }
    const blocking = proposal.findings.filter(isBlocking);
    if (blocking.length > 0) {
      const shown = blocking
        .slice(0, 3)
        .map(
          (f) =>
            `${f.ruleId}${f.component || f.resource ? ` on ${f.component ?? f.resource}` : ''}: ${f.message}`,
        );
      lines.push(
        `Blocking findings (${blocking.length}): ${shown.join('; ')}${blocking.length > 3 ? '; …' : ''}.`,
      );
    } else {
      lines.push('No blocking findings.');
    }
    if (proposal.fixesApplied.length > 0) {
      const fixed = proposal.fixesApplied.slice(0, 5).map((f) => `${f.description} (${f.target})`);
      lines.push(`Fixed automatically: ${fixed.join('; ')}${proposal.fixesApplied.length > 5 ? '; …' : ''}.`);
    }
  }
  for (const note of input.notes) lines.push(note);
  for (const question of input.questions) lines.push(question);
  return lines.filter((l) => l.length > 0).join('\n');
}

function costDelta(proposal: Proposal): string {
  const delta = proposal.diff.cost?.monthlyDelta;
  if (delta === undefined || delta === null || delta === 0 || proposal.diff.newStack) return '';
  return ` (${delta > 0 ? '+' : '−'}${formatUsd(Math.abs(delta))} vs. deployed)`;
}
