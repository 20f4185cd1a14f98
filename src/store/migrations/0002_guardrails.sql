-- Guardrail policy sets and waivers (issue 4). A policy set is kept as immutable versions (1, 2, 3, ...): each
-- row is the whole YAML text with its author and message; the current policy is the highest version. The
-- primary key on version makes two concurrent editors on the same base version collide instead of
-- overwriting each other.

create table policy_versions (
  version integer primary key check (version > 0),
  body text not null,
  -- SHA-256 of the text: with the version, the key of the compiled-policy cache (replicas agree on it).
  digest text not null,
  message text not null,
  author_id uuid,
  author_name text not null,
  -- Set when this version restores the text of an earlier one (a rollback).
  restored_from integer,
  created_at timestamptz not null default now()
);

-- A waiver: one rule, one scope (at least one scope field), an owner, a reason and an expiry that is
-- required. Waivers are never deleted: revoking stamps revoked_at.
create table waivers (
  id uuid primary key,
  rule_id text not null,
  scope_team text,
  scope_environment text,
  scope_component text,
  scope_resource text,
  scope_fingerprint text,
  reason text not null,
  owner text not null,
  expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  created_by_id uuid,
  created_by_name text not null,
  revoked_at timestamptz,
  revoked_by_name text,
  revoke_reason text,
  check (coalesce(scope_team, scope_environment, scope_component, scope_resource, scope_fingerprint) is not null)
);
create index waivers_active_idx on waivers (expires_at) where revoked_at is null;
create index waivers_rule_idx on waivers (rule_id, created_at);
