import type { TemplateRule } from '../src/guardrails/rule.ts';

/** Checkov ids: `CKV_AWS_19`, `CKV2_AWS_72`. */
export const CHECKOV_ID = /^CKV2?_AWS_\d+$/;

/**
 * The template rules citing each reference id, read from the rules' own `references` (the registry), so a
 * rule added later is measured as soon as it cites an id.
 */
export function citedRules(
  rules: readonly TemplateRule<never>[],
  isId: (reference: string) => boolean,
): Map<string, TemplateRule<never>[]> {
  const byId = new Map<string, TemplateRule<never>[]>();
  for (const rule of rules) {
    for (const reference of rule.references) {
      if (!isId(reference)) continue;
      const list = byId.get(reference);
      if (list) list.push(rule);
      else byId.set(reference, [rule]);
    }
  }
  return byId;
}
