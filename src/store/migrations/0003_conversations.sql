-- Planner: conversations, their turns, and the proposals each turn produced.
-- A conversation's architecture and undo/redo history live on its row; `version` detects concurrent turns.

create table conversations (
  id uuid primary key,
  owner_id uuid not null,
  owner_name text not null,
  team text,
  environment text check (environment is null or environment in ('dev', 'staging', 'prod')),
  title text,
  channel text not null check (channel in ('api', 'cli', 'slack')),
  architecture jsonb not null,
  undo_stack jsonb not null default '[]'::jsonb,
  redo_stack jsonb not null default '[]'::jsonb,
  focus jsonb not null default '[]'::jsonb,
  latest_proposal_id uuid,
  turn_count integer not null default 0,
  version integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index conversations_owner_idx on conversations (owner_id, created_at);
create index conversations_team_idx on conversations (team, created_at);

create table conversation_turns (
  conversation_id uuid not null references conversations (id) on delete cascade,
  seq integer not null,
  message text not null,
  intent text not null,
  operations jsonb not null,
  reply text not null,
  questions jsonb not null,
  notes jsonb not null,
  proposal_id uuid,
  planner text not null,
  latency_ms integer not null,
  input_tokens integer,
  output_tokens integer,
  created_at timestamptz not null default now(),
  primary key (conversation_id, seq)
);

create table proposals (
  id uuid primary key,
  conversation_id uuid not null references conversations (id) on delete cascade,
  turn_seq integer not null,
  architecture jsonb not null,
  findings jsonb not null,
  summary jsonb not null,
  fixes_applied jsonb not null,
  template jsonb not null,
  template_yaml text not null,
  diff jsonb not null,
  cost jsonb,
  stack_name text,
  policy_version integer not null,
  created_at timestamptz not null default now()
);
create index proposals_conversation_idx on proposals (conversation_id, turn_seq);
