import type { AuthUser } from '../../identity/roles.ts';
import type { Architecture } from '../../model/architecture.ts';
import type { Operation } from '../../model/operations.ts';
import type { PlanIntent, Planner, PlannerName, TokenUsage } from '../../planner/planner.ts';
import type { SessionState } from '../../planner/session.ts';
import { touchedIds } from '../../planner/session.ts';
import { buildProposal } from '../../proposal/build-proposal.ts';
import type { Proposal } from '../../proposal/proposal.ts';
import { answerQuestion } from '../answer-question.ts';
import { composeReply } from '../compose-reply.ts';
import type { ConversationRecord } from '../conversation-repository.ts';
import { applyPlan } from './apply-plan.ts';
import { followUpQuestions } from './follow-up-questions.ts';
import type { ProposalInputs } from './proposal-inputs.ts';
import {
  type OtherConversation,
  type StackQuery,
  sharedStackNote,
  sharedStackQuery,
} from './shared-stack.ts';
import { type Submission, submitProposal } from './submit-proposal.ts';
import type { TurnEvent } from './turn-event.ts';
import { turnOutcome } from './turn-outcome.ts';

/** What the service loaded for a turn. */
export interface TurnInput {
  conversation: ConversationRecord;
  /** The message, trimmed and with secrets redacted: the only text that is planned, stored and shown. */
  message: string;
  /** The conversation's previous message, for ellipsis ("and the queue too"). */
  previousMessage: string | undefined;
  actor: AuthUser;
}

/** What a turn reads and does outside itself; each is called only when the turn needs it. */
export interface TurnPorts {
  planner: Pick<Planner, 'plan'>;
  /** The proposal an unchanged architecture keeps. */
  latestProposal(id: string): Promise<Proposal | null>;
  /** Another conversation working on the stack, if any. */
  conversationOnStack(stack: StackQuery): Promise<OtherConversation | null>;
  /** The policy, waivers, baseline and team cost a new proposal is built against. */
  proposalInputs(architecture: Architecture, now: Date): Promise<ProposalInputs>;
  /** Opens (or revises) a change request from a proposal; absent when change requests are not available. */
  submit?: ((proposalId: string) => Promise<Submission>) | undefined;
  clock(): Date;
  /** Progress: `planning`, `checking`, `rendering` (the service announces `reply` and `done` once stored). */
  emit(event: TurnEvent): void;
}

/** A turn that ran but is not stored yet: what the store writes and the caller is answered with. */
export interface Turn {
  seq: number;
  message: string;
  intent: PlanIntent;
  planner: PlannerName;
  usage: TokenUsage | null;
  /** The operations the turn applied: empty unless it edited the architecture. */
  operations: Operation[];
  /** The architecture with its undo and redo history after the turn. */
  session: SessionState;
  /** Component ids "it" refers to next turn. */
  focus: string[];
  proposal: Proposal | null;
  /** Whether the proposal was built by this turn (and is to be stored with it). */
  freshProposal: boolean;
  questions: string[];
  notes: string[];
  reply: string;
}

/**
 * One turn, in the order of the design's "One turn, end to end": plan the message into edit operations,
 * apply them to the architecture, build the proposal (expand, check and fix, cost, render, diff) when the
 * architecture changed, then the reply with its follow-up questions. Every stage but the planner, the loads
 * and the submit is a pure function; nothing is stored here.
 */
export async function runTurn(input: TurnInput, ports: TurnPorts): Promise<Turn> {
  const { conversation: record, message, previousMessage, actor } = input;

  ports.emit({ type: 'planning' });
  const plan = await ports.planner.plan({
    architecture: record.architecture,
    message,
    focus: record.focus,
    ...(previousMessage !== undefined ? { previousMessage } : {}),
  });

  const session = { architecture: record.architecture, undo: record.undo, redo: record.redo };
  const { operations, step, notes: dropped } = applyPlan(session, plan, actor);
  const architecture = step.state.architecture;
  const changed = architecture !== record.architecture;
  const notes = [...plan.notes, ...dropped, ...(await sharedStackNotes(record, architecture, ports))];

  const { proposal, fresh } = await proposalOf(record, architecture, changed, ports);

  const questions = [
    ...plan.questions,
    ...followUpQuestions({
      intent: plan.intent,
      step,
      changed,
      hadProposal: Boolean(record.latestProposalId),
    }),
  ];
  const outcome = turnOutcome(plan.intent, step);
  const submitted =
    outcome === 'submit' && proposal && ports.submit
      ? await submitProposal(ports.submit, proposal.id)
      : undefined;
  const reply = composeReply({
    ...(submitted ? { submitted } : {}),
    outcome,
    operations,
    proposal,
    questions,
    notes,
    ...(outcome === 'answered' ? { answer: answerQuestion(message, proposal) } : {}),
    ...(step.kind === 'rejected' ? { rejection: step.error.message } : {}),
  });

  const focus = touchedIds({ ...plan, operations });
  return {
    seq: record.turnCount + 1,
    message,
    intent: plan.intent,
    planner: plan.planner,
    usage: plan.usage ?? null,
    operations: step.kind === 'edited' ? operations : [],
    session: step.state,
    focus: focus.length > 0 ? focus : record.focus,
    proposal,
    freshProposal: fresh,
    questions,
    notes,
    reply,
  };
}

/** The note on another conversation working on the stack the turn points this one at, if there is one. */
async function sharedStackNotes(
  record: ConversationRecord,
  architecture: Architecture,
  ports: TurnPorts,
): Promise<string[]> {
  const stack = sharedStackQuery(record, architecture);
  const other = stack ? await ports.conversationOnStack(stack) : null;
  return stack && other ? [sharedStackNote(other, stack)] : [];
}

/**
 * The turn's proposal: a changed architecture (or a first one with components) gets a new one, built by the
 * pure `buildProposal` (expand, check and fix, cost, render, diff); an unchanged one keeps its latest, which
 * is read only then.
 */
async function proposalOf(
  record: ConversationRecord,
  architecture: Architecture,
  changed: boolean,
  ports: TurnPorts,
): Promise<{ proposal: Proposal | null; fresh: boolean }> {
  const latest =
    !changed && record.latestProposalId ? await ports.latestProposal(record.latestProposalId) : null;
  if (!changed && (latest || architecture.components.length === 0)) return { proposal: latest, fresh: false };
  const now = ports.clock();
  const against = await ports.proposalInputs(architecture, now);
  const built = buildProposal({ conversationId: record.id, architecture, now, ...against }, (stage) =>
    ports.emit({ type: stage }),
  );
  return { proposal: built.proposal, fresh: true };
}
