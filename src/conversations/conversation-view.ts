import type { Architecture } from '../model/architecture.ts';
import type { Operation } from '../model/operations.ts';

export const CHANNELS = ['api', 'cli', 'slack'] as const;
export type Channel = (typeof CHANNELS)[number];

export type ConversationView = {
  id: string;
  title: string | null;
  team: string | null;
  environment: string | null;
  channel: Channel;
  owner: { id: string; name: string };
  architecture: Architecture;
  latestProposalId: string | null;
  turnCount: number;
  version: number;
  canUndo: boolean;
  canRedo: boolean;
  createdAt: string;
  updatedAt: string;
};

export type TurnView = {
  seq: number;
  message: string;
  intent: string;
  operations: Operation[];
  reply: string;
  questions: string[];
  notes: string[];
  proposalId: string | null;
  planner: string;
  latencyMs: number;
  usage: { inputTokens: number; outputTokens: number } | null;
  createdAt: string;
};
