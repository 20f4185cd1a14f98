import { formatUsd } from '../../cost/format-usd.ts';
import type { RevisionCost, RevisionDiff } from './revision-diff.ts';

const VERB = {
  create: 'add',
  update: 'change',
  replace: 'replace',
  may_replace: 'may replace',
  destroy: 'destroy',
  orphan: 'orphan',
} as const;

function value(v: unknown): string {
  return v === null ? '(unset)' : typeof v === 'string' ? v : JSON.stringify(v);
}

function costText(cost: RevisionCost): string {
  return cost.monthly === null
    ? `unknown (no price for ${cost.unpriced.length} resource(s))`
    : `${formatUsd(cost.monthly)}/month`;
}

/**
 * The revision diff as lines of plain text (`markdown: true` adds headings and bullets): what a reviewer who
 * approved revision `from` needs to read before deciding on revision `to`.
 */
export function renderRevisionDiff(diff: RevisionDiff, options: { markdown?: boolean } = {}): string {
  const md = options.markdown === true;
  const head = (text: string) => (md ? `### ${text}` : `${text}:`);
  const item = (text: string) => (md ? `- ${text}` : `  ${text}`);
  const lines = [md ? `## Revision ${diff.from} → ${diff.to}` : `Revision ${diff.from} -> ${diff.to}`];
  if (diff.isEmpty) return `${[...lines, 'Nothing a reviewer reads changed.'].join('\n')}\n`;
  lines.push(head('Components'));
  if (diff.components.length === 0) lines.push(item('no change'));
  for (const c of diff.components) {
    const params = c.params.map((p) => `${p.name} ${value(p.before)} → ${value(p.after)}`).join(', ');
    lines.push(item(`${c.change} ${c.id} (${c.kind})${params ? `: ${params}` : ''}`));
  }
  lines.push(head(`Resources (${diff.resources.summaryLine})`));
  for (const r of diff.resources.changes) lines.push(item(`${VERB[r.action]} ${r.logicalId} (${r.type})`));
  lines.push(head('Findings'));
  if (diff.findings.added.length + diff.findings.resolved.length === 0) lines.push(item('no change'));
  for (const f of diff.findings.added)
    lines.push(item(`new ${f.severity} ${f.ruleId}${f.subject ? ` on ${f.subject}` : ''}: ${f.message}`));
  for (const f of diff.findings.resolved)
    lines.push(item(`resolved ${f.severity} ${f.ruleId}${f.subject ? ` on ${f.subject}` : ''}`));
  lines.push(head('Cost'));
  const delta =
    diff.cost.delta === null
      ? 'change unknown'
      : `${diff.cost.delta >= 0 ? '+' : '−'}${formatUsd(Math.abs(diff.cost.delta))}`;
  lines.push(item(`${costText(diff.cost.before)} → ${costText(diff.cost.after)} (${delta})`));
  for (const u of diff.cost.after.unpriced) lines.push(item(`unpriced: ${u}`));
  return `${lines.join('\n')}\n`;
}
