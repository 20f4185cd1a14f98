import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { TemplateRule } from '../../src/guardrails/rule.ts';

const MapSchema = z.record(z.string().regex(/^[A-Z0-9_]+$/), z.array(z.string().min(1)).min(1));

/**
 * The Guard registry rule → our rules map, resolved against the rule pack. Rule ids the pack does not have
 * (renamed, or not yet merged) are returned as `missing` so the run can say so instead of ignoring them.
 */
export function loadGuardRuleMap(
  path: string,
  rules: readonly TemplateRule<never>[],
): { rulesFor: (guardRule: string) => TemplateRule<never>[]; missing: string[] } {
  const parsed = MapSchema.safeParse(parse(readFileSync(path, 'utf8')) ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const missing: string[] = [];
  const resolved = new Map<string, TemplateRule<never>[]>();
  for (const [guardRule, ids] of Object.entries(parsed.data)) {
    const list: TemplateRule<never>[] = [];
    for (const id of ids) {
      const rule = byId.get(id);
      if (rule) list.push(rule);
      else missing.push(`${guardRule} → ${id}`);
    }
    resolved.set(guardRule, list);
  }
  return { rulesFor: (guardRule) => resolved.get(guardRule) ?? [], missing };
}
