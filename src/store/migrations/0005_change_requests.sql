-- Change requests (issue 6): snapshots per revision, approvals, comments, stack apply locks, apply attempts
-- (the persisted intent of an apply, written before AWS is called) and idempotency keys.

create table change_requests (
  id uuid primary key,
  title text not null,
  description text not null default '',
  team text,
  app text not null,
  environment text,
  stack_name text not null,
  author_id uuid not null,
  author_name text not null,
  channel text not null check (channel in ('api', 'cli', 'slack')),
  conversation_id text not null,
  state text not null check (state in
    ('open', 'changes_requested', 'approved', 'rejected', 'applying', 'applied', 'failed', 'closed')),
  version integer not null default 1,
  revision integer not null default 1,
  risk_level text not null check (risk_level in ('low', 'high')),
  changes_requested_count integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  first_review_at timestamptz,
  approved_at timestamptz,
  applied_at timestamptz,
  closed_at timestamptz
);
create index change_requests_queue_idx on change_requests (state, created_at, id);
create index change_requests_team_idx on change_requests (team, created_at, id);
create index change_requests_stack_idx on change_requests (stack_name, created_at);

create table change_request_revisions (
  change_request_id uuid not null references change_requests (id) on delete cascade,
  revision integer not null,
  proposal_id text not null,
  architecture jsonb not null,
  template jsonb not null,
  template_yaml text not null,
  findings jsonb not null,
  diff jsonb not null,
  cost jsonb,
  risk jsonb not null,
  -- The template the diff was computed against (null for a new stack): apply refuses when the stack moved.
  baseline_digest text,
  created_by_id uuid not null,
  created_by_name text not null,
  created_at timestamptz not null default now(),
  primary key (change_request_id, revision)
);

create table change_request_approvals (
  id uuid primary key,
  change_request_id uuid not null references change_requests (id) on delete cascade,
  revision integer not null,
  approver_id uuid not null,
  approver_name text not null,
  policy_admin boolean not null,
  created_at timestamptz not null default now(),
  dismissed_at timestamptz,
  unique (change_request_id, revision, approver_id)
);

create table change_request_comments (
  id uuid primary key,
  change_request_id uuid not null references change_requests (id) on delete cascade,
  revision integer not null,
  kind text not null check (kind in ('comment', 'request_changes', 'reject', 'close', 'apply_failed')),
  author_id uuid,
  author_name text not null,
  body text not null,
  created_at timestamptz not null default now()
);
create index change_request_comments_idx on change_request_comments (change_request_id, created_at, id);

-- One row per stack while a change request applies to it: the primary key is the lock.
create table stack_locks (
  stack_name text primary key,
  change_request_id uuid not null references change_requests (id) on delete cascade,
  locked_by_id uuid,
  locked_by_name text not null,
  locked_at timestamptz not null default now()
);

create table apply_attempts (
  id uuid primary key,
  change_request_id uuid not null references change_requests (id) on delete cascade,
  revision integer not null,
  mode text not null check (mode in ('export', 'changeset', 'execute')),
  stack_name text not null,
  change_set_name text not null,
  client_token text not null,
  status text not null check (status in
    ('pending', 'changeset_created', 'executing', 'exported', 'succeeded', 'failed')),
  status_reason text,
  aws_changes jsonb,
  bundle jsonb,
  stack_status text,
  -- When ExecuteChangeSet was (about to be) called: the stack events of this operation start there.
  executed_at timestamptz,
  lease_owner text,
  lease_until timestamptz,
  requested_by_id uuid,
  requested_by_name text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finished_at timestamptz,
  unique (change_request_id, revision)
);
create index apply_attempts_status_idx on apply_attempts (status, lease_until);

create table change_request_idempotency (
  operation text not null,
  actor_id uuid not null,
  key text not null,
  request_hash text not null,
  status_code integer not null,
  response jsonb not null,
  created_at timestamptz not null default now(),
  primary key (operation, actor_id, key)
);
