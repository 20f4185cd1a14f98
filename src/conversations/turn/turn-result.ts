import type { Operation } from '../../model/operations.ts';
import type { PlanResult } from '../../planner/planner.ts';
import type { Proposal } from '../../proposal/proposal.ts';

/** A stored turn as its caller sees it (the HTTP body of `POST …/messages`, the `done` event). */
export type TurnResult = {
  conversationId: string;
  seq: number;
  reply: string;
  questions: string[];
  operations: Operation[];
  proposal: Proposal | null;
  intent: PlanResult['intent'];
  planner: string;
  notes: string[];
  /** The conversation's version after this turn. */
  version: number;
};
