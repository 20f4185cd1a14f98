-- Proposal templates as `json`, not `jsonb`: jsonb reorders keys, and a stored proposal's template must read
-- back byte for byte as it was rendered (deterministic output; see docs/decisions/0004).
alter table proposals alter column template type json using template::json;
