import { costText } from '../proposal/cost-summary.ts';
import type { TurnResult } from './turn/turn-result.ts';

const SEVERITY_MARK = { error: '✗', warning: '!', info: 'i' } as const;

/** A turn for the terminal: the reply, then findings, cost and the diff summary of the proposal. Pure. */
export function renderTurnText(turn: Pick<TurnResult, 'reply' | 'proposal' | 'planner'>): string {
  const lines: string[] = [turn.reply, ''];
  const proposal = turn.proposal;
  if (proposal && proposal.architecture.components.length > 0) {
    const failing = proposal.findings.filter((f) => f.status !== 'waived');
    const errors = failing.filter((f) => f.severity === 'error').length;
    const warnings = failing.filter((f) => f.severity === 'warning').length;
    lines.push(
      `Findings: ${errors} error(s), ${warnings} warning(s), ${proposal.findings.length - failing.length} waived`,
    );
    for (const f of failing.slice(0, 8)) {
      const where = f.component ?? f.resource;
      lines.push(`  ${SEVERITY_MARK[f.severity]} ${f.ruleId}${where ? ` (${where})` : ''}: ${f.message}`);
    }
    if (failing.length > 8) lines.push(`  … and ${failing.length - 8} more`);
    for (const fix of proposal.fixesApplied) lines.push(`  ✓ fixed: ${fix.description} (${fix.target})`);
    if (proposal.cost) lines.push(`Cost: ${costText(proposal.cost, (usd) => `$${usd.toFixed(2)}`)}`);
    lines.push(
      `Diff: ${proposal.diff.summaryLine}${proposal.stackName ? ` (stack ${proposal.stackName})` : ' (new stack)'}`,
    );
    lines.push(`Proposal: ${proposal.id}  ·  planner: ${turn.planner}`);
  }
  return lines.join('\n').trimEnd();
}
