import { kindDefinition } from '../knowledge/kinds/index.ts';
import { costText } from '../proposal/cost-summary.ts';
import { defaultFor } from '../knowledge/params.ts';
import type { Architecture, Component } from '../model/architecture.ts';
import { KIND_LABEL } from '../planner/embedded/lexicon/kind-names.ts';
import { isBlocking } from '../proposal/is-blocking.ts';
import type { Proposal } from '../proposal/proposal.ts';
import { formatUsd } from './compose-reply.ts';
import { explainWhy } from './explain-why.ts';

const WORD = /[a-z0-9_]+/g;

function mentioned(question: string, architecture: Architecture): Component | undefined {
  const words = new Set(question.toLowerCase().match(WORD) ?? []);
  const byId = architecture.components.find((c) => question.toLowerCase().includes(c.id));
  if (byId) return byId;
  return architecture.components.find((c) => {
    const label = KIND_LABEL[c.kind].toLowerCase().split(' ');
    return (
      label.some((w) => words.has(w)) ||
      words.has(c.kind) ||
      (words.has('database') && (c.kind === 'postgres' || c.kind === 'mysql'))
    );
  });
}

function paramOf(question: string, component: Component): string | undefined {
  const q = question.toLowerCase().replace(/[-\s]+/g, '_');
  const names = safeParams(component).map((p) => p.name);
  return (
    names.find((n) => q.includes(n)) ?? names.find((n) => n.split('_').every((part) => q.includes(part)))
  );
}

function safeParams(component: Component) {
  try {
    return kindDefinition(component.kind).params;
  } catch {
    return [];
  }
}

/**
 * Answers a question about the current proposal from the architecture, the findings and the cost estimate,
 * without changing anything: "what does this cost?", "why is the database multi-AZ?", "what is blocking?".
 */
export function answerQuestion(question: string, proposal: Proposal | null): string {
  if (!proposal || proposal.architecture.components.length === 0) {
    return 'There is nothing here yet. Describe what you need, for example "an API with a Postgres database".';
  }
  const q = question.toLowerCase();
  const { architecture } = proposal;
  if (/\b(cost|costs|price|pricing|expensive|cheap|how much|spend|budget)\b/.test(q)) {
    if (!proposal.cost) return 'I cannot price this architecture yet.';
    const parts = Object.entries(proposal.cost.byComponent)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 6)
      .map(([id, usd]) => `${id} ${formatUsd(usd)}`);
    return `Estimated ${costText(proposal.cost, formatUsd)}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}.`;
  }
  const component = mentioned(question, architecture);
  if (/\bwhy\b/.test(q) && component) {
    const param =
      paramOf(question, component) ?? (/(multi.?az|highly available)/.test(q) ? 'multi_az' : undefined);
    // "why is the database encrypted?": the reason is the rule that requires it, not a list of rule ids
    const because = param ? undefined : explainWhy(question, component, proposal);
    if (because) return because;
    const findings = proposal.findings.filter((f) => f.component === component.id);
    const fixed = proposal.fixesApplied.filter((f) => f.target === component.id);
    const reasons: string[] = [];
    if (param) {
      const spec = safeParams(component).find((p) => p.name === param);
      const set = component.params[param];
      if (fixed.some((f) => f.operations?.some((op) => op.op === 'update_params' && param in op.params))) {
        reasons.push(
          `${param} was set by an automatic fix: ${fixed.map((f) => `${f.ruleId} (${f.description})`).join('; ')}`,
        );
      } else if (set !== undefined) {
        reasons.push(`${param} is ${JSON.stringify(set)} because it was asked for in this conversation`);
      } else if (spec) {
        const environment = architecture.environment ?? 'dev';
        reasons.push(
          `${param} is ${JSON.stringify(defaultFor(spec, environment))}: the default for ${environment}${architecture.environment ? '' : ' (no environment set yet)'}. ${spec.description}`,
        );
      }
    }
    if (findings.length > 0)
      reasons.push(
        `Rules on ${component.id}: ${findings.map((f) => `${f.ruleId} (${f.severity}, ${f.status})`).join(', ')}`,
      );
    if (reasons.length === 0)
      reasons.push(
        `${component.id} is a ${KIND_LABEL[component.kind]} with ${JSON.stringify(component.params)}; nothing about it was changed by rules`,
      );
    return `${reasons.map((r) => r.replace(/\.$/, '')).join('. ')}.`;
  }
  if (/\b(block|blocking|blocked|blocker|blockers|stop|stopping)/.test(q)) {
    const blocking = proposal.findings.filter(isBlocking);
    const others = proposal.findings.filter((f) => f.severity !== 'error' && f.status !== 'waived').length;
    if (blocking.length === 0) {
      return `Nothing blocks it: no error rule fails.${others > 0 ? ` ${others} warning or info finding(s) remain; ask "what are the findings?" to see them.` : ''}`;
    }
    return `${blocking.length} blocking finding(s): ${blocking
      .slice(0, 6)
      .map(
        (f) =>
          `${f.ruleId}${f.component || f.resource ? ` on ${f.component ?? f.resource}` : ''}: ${f.message}`,
      )
      .join('; ')}.`;
  }
  if (/\b(finding|findings|rule|rules|issue|issues|problem|problems|policy|guardrail)/.test(q)) {
    const failing = proposal.findings.filter((f) => f.status !== 'waived');
    if (failing.length === 0) return 'No findings: every rule passes.';
    return `${failing.length} finding(s): ${failing
      .slice(0, 6)
      .map(
        (f) =>
          `${f.severity} ${f.ruleId}${f.component || f.resource ? ` on ${f.component ?? f.resource}` : ''}: ${f.message}`,
      )
      .join('; ')}.`;
  }
  if (component && /\b(what|which|how|show|describe)\b/.test(q)) {
    const params = Object.entries(component.params).map(([k, v]) => `${k} ${JSON.stringify(v)}`);
    const links = architecture.connections
      .filter((c) => c.from === component.id || c.to === component.id)
      .map((c) => `${c.from} → ${c.to} (${c.access})`);
    return `${component.id} is a ${KIND_LABEL[component.kind]}${params.length ? ` with ${params.join(', ')}` : ' with default settings'}${links.length ? `; connections: ${links.join(', ')}` : ''}.`;
  }
  const summary = architecture.components.map((c) => `${c.id} (${KIND_LABEL[c.kind]})`).join(', ');
  const cost = proposal.cost ? ` Estimated ${costText(proposal.cost, formatUsd)}.` : '';
  return `The proposal has ${architecture.components.length} component(s): ${summary}; ${proposal.diff.summaryLine}.${cost}`;
}
