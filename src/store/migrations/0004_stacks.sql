-- Stacks (one CloudFormation stack per team, app and environment) and their baselines: the template last
-- applied or imported, with its full version history. The current baseline is the highest version.
-- `json`, not `jsonb`: the template keeps its key order, so diffs and exports read like the original.

create table stacks (
  name text primary key check (name ~ '^[a-z][a-z0-9-]{0,127}$'),
  team text not null,
  app text not null,
  environment text not null,
  created_at timestamptz not null default now(),
  created_by text not null,
  unique (team, app, environment)
);

create table stack_baselines (
  id uuid primary key,
  stack_name text not null references stacks (name) on delete cascade,
  version integer not null check (version > 0),
  template json not null,
  source text not null check (source in ('applied', 'imported', 'aws')),
  change_request_id text,
  created_at timestamptz not null default now(),
  created_by text not null,
  unique (stack_name, version)
);

create index stack_baselines_latest on stack_baselines (stack_name, version desc);
