import type { ComponentKind } from '../model/kinds.ts';
import type { AnyRule, ArchitectureRule, TemplateRule } from './rule.ts';

/** Rules indexed for dispatch: template rules by resource type, architecture rules by component kind. */
export interface CompiledRuleSet {
  readonly rules: readonly AnyRule[];
  readonly templateRules: readonly TemplateRule<never>[];
  readonly architectureRules: readonly ArchitectureRule<never>[];
  /** Template rules per resource type; `'*'` in resourceTypes matches every type. */
  templateRulesFor(type: string): readonly TemplateRule<never>[];
  architectureRulesFor(kind: ComponentKind): readonly ArchitectureRule<never>[];
  /** Architecture rules with scope `'architecture'` (run once per graph). */
  readonly graphRules: readonly ArchitectureRule<never>[];
}

const cache = new WeakMap<readonly AnyRule[], CompiledRuleSet>();

/** Index a rule list once (cached by list identity); dispatch is then a map lookup per resource. */
export function compileRules(rules: readonly AnyRule[]): CompiledRuleSet {
  const cached = cache.get(rules);
  if (cached) return cached;
  const byType = new Map<string, TemplateRule<never>[]>();
  const wildcard: TemplateRule<never>[] = [];
  const byKind = new Map<ComponentKind, ArchitectureRule<never>[]>();
  const graphRules: ArchitectureRule<never>[] = [];
  const templateRules: TemplateRule<never>[] = [];
  const architectureRules: ArchitectureRule<never>[] = [];
  for (const rule of rules) {
    if (rule.level === 'template') {
      templateRules.push(rule);
      for (const type of new Set(rule.resourceTypes)) {
        if (type === '*') wildcard.push(rule);
        else byType.set(type, [...(byType.get(type) ?? []), rule]);
      }
    } else {
      architectureRules.push(rule);
      if (rule.scope === 'architecture') graphRules.push(rule);
      else for (const kind of new Set(rule.scope)) byKind.set(kind, [...(byKind.get(kind) ?? []), rule]);
    }
  }
  const merged = new Map<string, readonly TemplateRule<never>[]>();
  const compiled: CompiledRuleSet = {
    rules,
    templateRules,
    architectureRules,
    graphRules,
    templateRulesFor(type) {
      const own = byType.get(type);
      if (!own) return wildcard;
      if (wildcard.length === 0) return own;
      // Only known types are cached, so random types in untrusted templates cannot grow the cache.
      let list = merged.get(type);
      if (!list) {
        list = [...own, ...wildcard];
        merged.set(type, list);
      }
      return list;
    },
    architectureRulesFor: (kind) => byKind.get(kind) ?? [],
  };
  cache.set(rules, compiled);
  return compiled;
}
