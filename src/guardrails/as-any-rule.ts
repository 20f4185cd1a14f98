import type { AnyRule, ArchitectureRule, TemplateRule } from './rule.ts';

/**
 * Widen a rule with typed params to `AnyRule` for rule lists (`rules: AnyRule[]`, `customRules`). The cast is
 * sound: the engine only ever passes a rule the params parsed by that rule's own schema.
 */
export function asAnyRule<P>(rule: TemplateRule<P> | ArchitectureRule<P>): AnyRule {
  return rule as unknown as AnyRule;
}
