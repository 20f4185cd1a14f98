import type { ApprovalStatus } from './approvals/evaluate-approvals.ts';
import type { Risk } from './risk/risk-types.ts';
import type { StackLockHolder } from './stack-lock.ts';
import type { ChangeRequestAction, ChangeRequestState } from './state-machine.ts';

export const CHANNELS = ['api', 'cli', 'slack'] as const;
export type Channel = (typeof CHANNELS)[number];

/** A stack is identified by team, app and environment; its name follows DIFF's convention. */
export interface StackRef {
  team: string | null;
  app: string;
  environment: string | null;
  name: string;
}

export interface ApprovalRecord {
  approverId: string;
  approverName: string;
  policyAdmin: boolean;
  /** The revision and version of the change request the approval was given on (version null: before 0015). */
  revision: number;
  version: number | null;
  at: string;
}

export const COMMENT_KINDS = [
  'comment',
  'approve',
  'request_changes',
  'reject',
  'close',
  'apply_failed',
] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

export interface CommentRecord {
  id: string;
  revision: number;
  /** The version of the change request the comment or decision was made on (null: written before 0015). */
  version: number | null;
  kind: CommentKind;
  author: { id: string | null; name: string };
  body: string;
  at: string;
}

/** One revision of a change request, without its snapshot (GET .../revisions/:n has it). */
export interface RevisionRecord {
  revision: number;
  proposalId: string;
  /** The change request version this revision created (null: written before 0015). */
  version: number | null;
  risk: 'low' | 'high';
  createdBy: string;
  createdAt: string;
}

/** What a revision froze from the proposal it was made from. */
export interface ChangeSnapshot {
  proposalId: string;
  architecture: unknown;
  template: Record<string, unknown>;
  templateYaml: string;
  findings: unknown[];
  diff: unknown;
  cost: unknown;
}

export const APPLY_STATUSES = [
  'pending',
  'changeset_created',
  'executing',
  'exported',
  'succeeded',
  'failed',
] as const;
export type ApplyStatus = (typeof APPLY_STATUSES)[number];
export type ApplyMode = 'export' | 'changeset' | 'execute';

export interface ApplyAttemptView {
  id: string;
  revision: number;
  mode: ApplyMode;
  status: ApplyStatus;
  statusReason: string | null;
  stackName: string;
  changeSetName: string;
  /** The S3 URL CloudFormation read the template from (over 51,200 bytes), or null (sent as TemplateBody). */
  templateUrl: string | null;
  /** AWS's own list of changes (DescribeChangeSet), once the change set exists. */
  awsChanges: unknown;
  /** The export bundle (template, diff, ready CloudFormation command), in export mode. */
  bundle: unknown;
  stackStatus: string | null;
  requestedBy: string;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export interface ChangeRequest {
  id: string;
  title: string;
  description: string;
  state: ChangeRequestState;
  version: number;
  revision: number;
  stack: StackRef;
  author: { id: string; name: string };
  channel: Channel;
  conversationId: string;
  risk: Risk;
  approvals: { status: ApprovalStatus; records: ApprovalRecord[] };
  /** Actions the state allows (the caller's role may still forbid some). */
  allowedActions: ChangeRequestAction[];
  snapshot: ChangeSnapshot;
  /** Every revision, oldest first; compare two with GET .../revision-diff. */
  revisions: RevisionRecord[];
  lock: StackLockHolder | null;
  apply: ApplyAttemptView | null;
  comments: CommentRecord[];
  changesRequestedCount: number;
  createdAt: string;
  updatedAt: string;
  firstReviewAt: string | null;
  approvedAt: string | null;
  appliedAt: string | null;
  closedAt: string | null;
}
