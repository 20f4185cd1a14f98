-- Slack: deliveries already handled (retries and duplicates are dropped, across restarts and replicas),
-- Slack users linked to copilot users, threads that are conversations, review messages to update in place,
-- and an outbox of posts that failed and are retried.

create table slack_deliveries (
  key text primary key,
  kind text not null check (kind in ('event', 'command', 'interaction')),
  received_at timestamptz not null default now()
);

create table slack_users (
  slack_user_id text primary key,
  user_id uuid not null references users (id) on delete cascade,
  linked_by text not null check (linked_by in ('admin', 'provisioned')),
  created_at timestamptz not null default now()
);

create table slack_threads (
  channel text not null,
  thread_ts text not null,
  conversation_id uuid not null unique,
  requester_slack_id text not null,
  created_at timestamptz not null default now(),
  primary key (channel, thread_ts)
);

create table slack_review_messages (
  change_request_id uuid primary key,
  channel text not null,
  ts text not null,
  created_at timestamptz not null default now()
);

create table slack_outbox (
  id uuid primary key,
  method text not null check (method in ('chat.postMessage', 'chat.update', 'chat.postEphemeral')),
  args jsonb not null,
  -- What to record once the post succeeds (the review message's ts), if anything.
  on_success jsonb,
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  delivered_at timestamptz,
  abandoned_at timestamptz,
  created_at timestamptz not null default now()
);

create index slack_outbox_due on slack_outbox (next_attempt_at) where delivered_at is null and abandoned_at is null;
