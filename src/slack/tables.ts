import type { Generated } from 'kysely';

export interface SlackDeliveriesTable {
  key: string;
  kind: 'event' | 'command' | 'interaction';
  received_at: Generated<Date>;
}

export interface SlackUsersTable {
  slack_user_id: string;
  user_id: string;
  linked_by: 'admin' | 'provisioned';
  created_at: Generated<Date>;
}

export interface SlackThreadsTable {
  channel: string;
  thread_ts: string;
  conversation_id: string;
  requester_slack_id: string;
  created_at: Generated<Date>;
}

export interface SlackReviewMessagesTable {
  change_request_id: string;
  channel: string;
  ts: string;
  created_at: Generated<Date>;
}

export interface SlackOutboxTable {
  id: string;
  method: 'chat.postMessage' | 'chat.update' | 'chat.postEphemeral';
  args: unknown;
  on_success: unknown;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  last_error: string | null;
  delivered_at: Date | null;
  abandoned_at: Date | null;
  created_at: Generated<Date>;
}

export interface SlackJobsTable {
  key: string;
  kind: 'message' | 'command' | 'action';
  payload: unknown;
  progress: Generated<Record<string, unknown>>;
  state: Generated<'pending' | 'done' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  locked_by: string | null;
  locked_until: Date | null;
  last_error: string | null;
  created_at: Generated<Date>;
  finished_at: Date | null;
}

declare module '../store/database.ts' {
  interface Database {
    slack_deliveries: SlackDeliveriesTable;
    slack_users: SlackUsersTable;
    slack_threads: SlackThreadsTable;
    slack_review_messages: SlackReviewMessagesTable;
    slack_outbox: SlackOutboxTable;
    slack_jobs: SlackJobsTable;
  }
}
