import type { CfnTemplate } from '../src/cfn/cfn-template.ts';
import { evaluateTemplate } from '../src/guardrails/evaluate.ts';
import type { TemplateRule } from '../src/guardrails/rule.ts';
import { builtInRules } from '../src/guardrails/rules/index.ts';
import { expandTemplate } from '../src/guardrails/transforms/expand-template.ts';

/**
 * What our built-in rules say about one resource as written: `fail` or `unknown` when a rule reported it,
 * `pass` when a rule for its type (or for a type the SAM transform makes of it) ran and reported nothing,
 * `not-checked` when no rule of the set covers it.
 */
export type Verdict = 'pass' | 'fail' | 'unknown' | 'not-checked';

/** The template rules of the built-in pack (what the references are measured on). */
export function templateRules(): readonly TemplateRule<never>[] {
  return builtInRules.filter((rule): rule is TemplateRule<never> => rule.level === 'template');
}

const RANK: Record<Verdict, number> = { 'not-checked': 0, pass: 1, unknown: 2, fail: 3 };

/** The stronger of two verdicts of several rules on one resource: a fail wins, then unknown, then pass. */
export function worst(a: Verdict, b: Verdict): Verdict {
  return RANK[a] >= RANK[b] ? a : b;
}

/** The verdicts of a set of rules over one template, per logical id (one evaluation of the real engine). */
export function verdictsOf(
  template: CfnTemplate,
  rules: readonly TemplateRule<never>[],
  now: Date,
): Map<string, Verdict> {
  const verdicts = new Map<string, Verdict>();
  if (rules.length === 0) return verdicts;
  const types = new Set(rules.flatMap((rule) => rule.resourceTypes));
  // The resources the rules see are those of the expanded template; each is reported on what was written.
  const expanded = expandTemplate(template, {});
  const resources = (expanded.template.Resources ?? {}) as Record<string, { Type?: unknown }>;
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (typeof resource.Type !== 'string' || !types.has(resource.Type)) continue;
    verdicts.set(expanded.origins.get(logicalId)?.logicalId ?? logicalId, 'pass');
  }
  const evaluation = evaluateTemplate(template, { context: { team: null, environment: null, now }, rules });
  for (const finding of evaluation.findings) {
    if (finding.resource === undefined) continue;
    const status: Verdict = finding.status === 'fail' ? 'fail' : 'unknown';
    verdicts.set(finding.resource, worst(verdicts.get(finding.resource) ?? 'pass', status));
  }
  return verdicts;
}
