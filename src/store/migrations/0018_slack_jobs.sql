-- Slack work as jobs: an acknowledged event, command or click is a row written in the same transaction as
-- its delivery claim, so a replica that dies after answering Slack loses nothing: any replica picks up an
-- unfinished job once its lease lapses (FOR UPDATE SKIP LOCKED), retries it with backoff, and Slack's
-- redelivery of an unfinished event resumes it at once. `progress` records the steps already done.

create table slack_jobs (
  key text primary key,
  kind text not null check (kind in ('message', 'command', 'action')),
  payload jsonb not null,
  progress jsonb not null default '{}',
  state text not null default 'pending' check (state in ('pending', 'done', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  locked_by text,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);

create index slack_jobs_due on slack_jobs (next_attempt_at) where state = 'pending';
