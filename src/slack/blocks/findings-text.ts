import type { FindingView, ViewSeverity } from './view-models.ts';
import { escapeMrkdwn } from './mrkdwn.ts';

const ORDER: readonly ViewSeverity[] = ['error', 'warning', 'info'];
const ICON: Record<ViewSeverity, string> = {
  error: ':red_circle:',
  warning: ':large_orange_circle:',
  info: ':information_source:',
};
const LABEL: Record<ViewSeverity, string> = { error: 'Errors', warning: 'Warnings', info: 'Advice' };

/** Findings grouped by severity (errors first), at most `perGroup` lines each with a count of the rest. */
export function findingsText(findings: readonly FindingView[], perGroup = 5): string {
  if (findings.length === 0) return ':white_check_mark: No findings: every guardrail passes.';
  const lines: string[] = [];
  for (const severity of ORDER) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(`${ICON[severity]} *${LABEL[severity]} (${group.length})*`);
    for (const f of group.slice(0, perGroup)) {
      const status = f.status === 'fail' ? '' : ` _(${f.status})_`;
      const subject = f.subject ? ` \`${escapeMrkdwn(f.subject)}\`` : '';
      lines.push(`• \`${f.ruleId}\`${subject}${status}: ${escapeMrkdwn(f.message)}`);
    }
    if (group.length > perGroup) lines.push(`• _…and ${group.length - perGroup} more_`);
  }
  return lines.join('\n');
}
