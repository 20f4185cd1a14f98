/** Kysely table types of migrations 0005, 0012 and 0015 (module augmentation of the store's Database). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** jsonb: written as a JSON string, read back as the parsed value. */
type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null, string | null>;

export interface ChangeRequestsTable {
  id: string;
  title: string;
  description: Generated<string>;
  team: string | null;
  app: string;
  environment: string | null;
  stack_name: string;
  author_id: string;
  author_name: string;
  channel: string;
  conversation_id: string;
  state: string;
  version: Generated<number>;
  revision: Generated<number>;
  risk_level: string;
  changes_requested_count: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  first_review_at: NullableTimestamp;
  approved_at: NullableTimestamp;
  applied_at: NullableTimestamp;
  closed_at: NullableTimestamp;
}

export interface ChangeRequestRevisionsTable {
  change_request_id: string;
  revision: number;
  proposal_id: string;
  architecture: Json<unknown>;
  template: Json<Record<string, unknown>>;
  template_yaml: string;
  findings: Json<unknown[]>;
  diff: Json<unknown>;
  cost: NullableJson<unknown>;
  risk: Json<unknown>;
  baseline_digest: string | null;
  /** The change request version this revision created (null: written before migration 0015). */
  version: Generated<number | null>;
  created_by_id: string;
  created_by_name: string;
  created_at: Timestamp;
}

export interface ChangeRequestApprovalsTable {
  id: string;
  change_request_id: string;
  revision: number;
  approver_id: string;
  approver_name: string;
  policy_admin: boolean;
  /** The change request version the approval was given on (null: written before migration 0015). */
  version: Generated<number | null>;
  created_at: Timestamp;
  dismissed_at: NullableTimestamp;
}

export interface ChangeRequestCommentsTable {
  id: string;
  change_request_id: string;
  revision: number;
  kind: string;
  author_id: string | null;
  author_name: string;
  body: string;
  /** The change request version the comment or decision was made on (null: written before migration 0015). */
  version: Generated<number | null>;
  created_at: Timestamp;
}

export interface StackLocksTable {
  stack_name: string;
  change_request_id: string;
  locked_by_id: string | null;
  locked_by_name: string;
  locked_at: Timestamp;
}

export interface ApplyAttemptsTable {
  id: string;
  change_request_id: string;
  revision: number;
  mode: string;
  stack_name: string;
  change_set_name: string;
  client_token: string;
  template_url: Generated<string | null>;
  status: string;
  status_reason: string | null;
  aws_changes: NullableJson<unknown>;
  bundle: NullableJson<unknown>;
  stack_status: string | null;
  executed_at: NullableTimestamp;
  lease_owner: string | null;
  lease_until: NullableTimestamp;
  requested_by_id: string | null;
  requested_by_name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: NullableTimestamp;
}

export interface ChangeRequestIdempotencyTable {
  operation: string;
  actor_id: string;
  key: string;
  request_hash: string;
  status_code: number;
  response: Json<unknown>;
  created_at: Timestamp;
}

declare module '../store/database.ts' {
  interface Database {
    change_requests: ChangeRequestsTable;
    change_request_revisions: ChangeRequestRevisionsTable;
    change_request_approvals: ChangeRequestApprovalsTable;
    change_request_comments: ChangeRequestCommentsTable;
    stack_locks: StackLocksTable;
    apply_attempts: ApplyAttemptsTable;
    change_request_idempotency: ChangeRequestIdempotencyTable;
  }
}
