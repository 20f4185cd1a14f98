-- Foundation: users, teams, memberships, roles, API tokens, and the append-only audit log.
-- Ids are generated in code (crypto.randomUUID), so no extension is needed.

create table users (
  id uuid primary key,
  name text not null unique,
  display_name text,
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);

create table user_roles (
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in ('developer', 'reviewer', 'policy_admin', 'admin')),
  primary key (user_id, role)
);

create table teams (
  name text primary key check (name ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  created_at timestamptz not null default now()
);

create table user_teams (
  user_id uuid not null references users (id) on delete cascade,
  team text not null references teams (name) on delete cascade,
  primary key (user_id, team)
);

create table api_tokens (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  prefix text not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id);

create table audit_log (
  id integer generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_name text not null,
  action text not null,
  subject_type text not null,
  subject_id text not null,
  before_digest text,
  after_digest text,
  summary jsonb not null default '{}'::jsonb,
  request_id text
);
create index audit_log_subject_idx on audit_log (subject_type, subject_id, id);
create index audit_log_actor_idx on audit_log (actor_id, id);
create index audit_log_action_idx on audit_log (action, id);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
