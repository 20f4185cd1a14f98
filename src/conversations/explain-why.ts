import { builtInRules } from '../guardrails/rules/index.ts';
import type { Component } from '../model/architecture.ts';
import type { Proposal } from '../proposal/proposal.ts';

/** What a "why" question can be about, and the rules (by id) that speak to it. */
const TOPICS: ReadonlyArray<{ words: RegExp; rules: RegExp; what: string }> = [
  { words: /\b(encrypt\w*|kms|at rest)\b/, rules: /encrypt|kms|-sse|cmk/, what: 'encrypted' },
  {
    words: /\b(tls|https|ssl|in transit)\b/,
    rules: /tls|ssl|https|in-transit|secure-transport/,
    what: 'TLS-only',
  },
  { words: /\b(private|public|internet|exposed)\b/, rules: /public|private|internet|open-/, what: 'private' },
  {
    words: /\b(deletion|delete|retain|retained)\b/,
    rules: /deletion|retain/,
    what: 'protected from deletion',
  },
  {
    words: /\b(backups?|snapshots?|point.in.time|pitr)\b/,
    rules: /backup|snapshot|pitr|point-in-time/,
    what: 'backed up',
  },
  { words: /\b(versioning|versioned|versions)\b/, rules: /versioning/, what: 'versioned' },
  { words: /\b(logs?|logging|access logs)\b/, rules: /log/, what: 'logged' },
  { words: /\b(vpc|subnets?|network)\b/, rules: /vpc|subnet/, what: 'in a VPC' },
  {
    words: /\b(multi.?az|highly available|availability zones?)\b/,
    rules: /multi-az|multiaz/,
    what: 'multi-AZ',
  },
  { words: /\b(dead.?letter|dlq)\b/, rules: /dlq|dead-letter/, what: 'given a dead-letter queue' },
  { words: /\b(tags?|tagged|cost.?cent(er|re))\b/, rules: /tag/, what: 'tagged' },
];

/** The CloudFormation resource types a component expanded into, from the proposal's template. */
function resourceTypesOf(component: Component, proposal: Proposal): Set<string> {
  const resources = (proposal.template.Resources ?? {}) as Record<
    string,
    { Type?: string; Metadata?: Record<string, unknown> }
  >;
  const types = new Set<string>();
  for (const resource of Object.values(resources)) {
    if (resource.Metadata?.['copilot:component'] === component.id && resource.Type) types.add(resource.Type);
  }
  return types;
}

/**
 * Why a component is the way it is, in the words of the rules that require it: "why is the database
 * encrypted?" → the org's guardrails require encrypted storage (the rule's rationale), and the knowledge
 * base builds it that way. Undefined when the question names no topic the rules speak to.
 */
export function explainWhy(question: string, component: Component, proposal: Proposal): string | undefined {
  const q = question.toLowerCase();
  const topic = TOPICS.find((t) => t.words.test(q));
  if (!topic) return undefined;
  const types = resourceTypesOf(component, proposal);
  const rules = builtInRules.filter(
    (r) => topic.rules.test(r.id) && (r.level !== 'template' || r.resourceTypes.some((t) => types.has(t))),
  );
  if (rules.length === 0) return undefined;
  const fixed = proposal.fixesApplied.filter(
    (f) => rules.some((r) => r.id === f.ruleId) && f.target === component.id,
  );
  const lead = `${component.id} is ${topic.what} because the org's guardrails require it, and the knowledge base builds it that way`;
  const reasons = rules.slice(0, 2).map((r) => `${r.title} (${r.id}): ${r.rationale.replace(/\.$/, '')}`);
  const fix =
    fixed.length > 0 ? ` An automatic fix set it: ${fixed.map((f) => f.description).join('; ')}.` : '';
  return `${lead}. ${reasons.join('. ')}.${fix}`;
}
