import type { Db } from '../store/database.ts';
import type { FindingLike } from './blocking-findings.ts';

/**
 * What the change request service needs from the other modules (PLANNER's proposals, DIFF's stacks, diff and
 * AWS functions). The plugin wires the real functions; the service never imports their storage directly, so
 * a proposal or a stack store can evolve without touching the review workflow.
 */
export interface ProposalSnapshot {
  id: string;
  conversationId: string;
  architecture: {
    name: string;
    team: string | null;
    environment: string | null;
    region: string;
  } & Record<string, unknown>;
  findings: FindingLike[];
  template: Record<string, unknown>;
  templateYaml: string;
  /** DIFF's StackDiff as the proposal computed it (used for its cost figures). */
  diff: unknown;
  cost: unknown;
  createdAt: string | null;
}

export interface StackKey {
  team: string | null;
  app: string;
  environment: string | null;
}

export interface ProposalPort {
  /** The proposal, read inside the caller's transaction; null when it does not exist. */
  load(db: Db, id: string): Promise<ProposalSnapshot | null>;
}

export interface StackPort {
  nameFor(key: StackKey): string;
  /** The template last applied to the stack (null for a stack that does not exist yet). */
  getBaseline(db: Db, key: StackKey & { name: string }): Promise<Record<string, unknown> | null>;
  /**
   * The deployed template (GetTemplate) when the store has no baseline and AWS is configured, else null.
   * May call AWS: never inside a transaction.
   */
  deployedWhenUnstored(name: string): Promise<Record<string, unknown> | null>;
  /** Moves the baseline: called only after a successful apply, inside its transaction. */
  setBaseline(
    db: Db,
    key: StackKey & { name: string },
    template: Record<string, unknown>,
    meta: { source: string; changeRequestId: string; actorName: string },
  ): Promise<void>;
}

/** The diff computation DIFF provides (pure). */
export interface DiffPort {
  diff(
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
    cost: { before?: number; after?: number },
  ): DiffFacts;
  isStateful(resourceType: string): boolean;
}

/** The part of DIFF's StackDiff the review workflow reads, kept whole in the snapshot. */
export interface DiffFacts {
  model: unknown;
  summaryLine: string;
  resources: Array<{ logicalId: string; type: string; action: string }>;
  permissionsBroadened: boolean;
  monthlyDelta: number | null;
}
