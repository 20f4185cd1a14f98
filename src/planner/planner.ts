import type { Architecture } from '../model/architecture.ts';
import type { Operation } from '../model/operations.ts';

/** What a planner understood a message to be. */
export type PlanIntent = 'edit' | 'question' | 'undo' | 'redo' | 'submit' | 'smalltalk';

export type PlannerName = 'embedded' | 'llm';

export interface PlannerInput {
  /** The conversation's architecture before this message. */
  architecture: Architecture;
  /** The user's message, as typed. */
  message: string;
  /** Component ids the previous turn touched, most relevant last: what "it" refers to. */
  focus?: readonly string[];
  /** The previous message of the conversation, for ellipsis ("drop the table" → "and the queue too"). */
  previousMessage?: string;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface PlanResult {
  operations: Operation[];
  /** Short clarifying questions; the turn still returns the best proposal. */
  questions: string[];
  intent: PlanIntent;
  /** Plain-language notes on assumptions and what could not be understood. */
  notes: string[];
  /** The planner that produced this result (the LLM planner falls back to the embedded one). */
  planner: PlannerName;
  /** A reply written by the model, when there is one; the conversation composes its own otherwise. */
  reply?: string;
  usage?: TokenUsage;
}

export interface Planner {
  readonly name: PlannerName;
  plan(input: PlannerInput, options?: { signal?: AbortSignal }): Promise<PlanResult>;
}
