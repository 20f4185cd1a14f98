import type { Kysely } from 'kysely';
import type { AuditLog } from '../../audit/audit-log.ts';
import type { AuthUser } from '../../identity/roles.ts';
import type { Database } from '../../store/database.ts';
import type { ApprovalPolicy } from '../approvals/approval-policy.ts';
import type { ChangeRequest } from '../change-request.ts';
import type { ChangeEvent, ChangeEventType, ChangeNotifier } from '../notifier.ts';
import type { DiffPort, ProposalPort, StackPort } from '../ports.ts';
import type { ChangeRequestState } from '../state-machine.ts';

/** Who acts, and the request id the audit entry carries. */
export interface ActionContext {
  user: AuthUser;
  requestId?: string | undefined;
}

export interface RiskPolicy {
  /** Monthly cost increase (USD) above which a change is high risk. */
  costThresholdUsd: number;
  /** Per-team thresholds overriding the default. */
  costThresholdByTeam: Readonly<Record<string, number>>;
}

export interface ChangeRequestServiceOptions {
  db: Kysely<Database>;
  audit: AuditLog;
  notifier: ChangeNotifier;
  proposals: ProposalPort;
  stacks: StackPort;
  diff: DiffPort;
  approvalPolicy: ApprovalPolicy;
  riskPolicy: RiskPolicy;
  /** Called after each commit with the events it produced and the request as committed (metrics). */
  onCommitted?: (events: readonly ChangeEvent[], changeRequest: ChangeRequest, firstReview: boolean) => void;
  onEmitError?: (error: unknown) => void;
}

export interface Idempotency {
  key: string;
}

/**
 * What the caller last saw: the version (If-Match / expectedVersion) and, for decisions, the revision.
 * Either one that is no longer current refuses the mutation (409 version-conflict naming both).
 */
export interface Expectation {
  version?: number | undefined;
  revision?: number | undefined;
}

/** The audit entry a transition asks for: written with the whole change request before and after it. */
export interface AuditIntent {
  action: string;
  from: ChangeRequestState | null;
  to: ChangeRequestState;
  summary: Record<string, unknown>;
  /** Another actor than the caller (the system finishing an apply on behalf of whoever started it). */
  actor?: ActionContext | null;
}

/** What one transition did, collected while it runs and acted on once it committed. */
export interface Mutation {
  events: Array<{ type: ChangeEventType; reason: string | null; system?: boolean }>;
  /** True when this commit recorded the first review decision. */
  firstReview?: boolean;
  audit?: AuditIntent;
}
