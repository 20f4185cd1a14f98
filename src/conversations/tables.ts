import type { Generated } from 'kysely';

export interface ConversationsTable {
  id: string;
  owner_id: string;
  owner_name: string;
  team: string | null;
  environment: string | null;
  title: string | null;
  channel: string;
  architecture: unknown;
  undo_stack: Generated<unknown>;
  redo_stack: Generated<unknown>;
  focus: Generated<unknown>;
  latest_proposal_id: string | null;
  turn_count: Generated<number>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ConversationTurnsTable {
  conversation_id: string;
  seq: number;
  message: string;
  intent: string;
  operations: unknown;
  reply: string;
  questions: unknown;
  notes: unknown;
  proposal_id: string | null;
  planner: string;
  latency_ms: number;
  input_tokens: number | null;
  output_tokens: number | null;
  created_at: Generated<Date>;
}

export interface ProposalsTable {
  id: string;
  conversation_id: string;
  turn_seq: number;
  architecture: unknown;
  findings: unknown;
  summary: unknown;
  fixes_applied: unknown;
  template: unknown;
  template_yaml: string;
  diff: unknown;
  cost: unknown;
  stack_name: string | null;
  policy_version: number;
  created_at: Generated<Date>;
}

declare module '../store/database.ts' {
  interface Database {
    conversations: ConversationsTable;
    conversation_turns: ConversationTurnsTable;
    proposals: ProposalsTable;
  }
}
