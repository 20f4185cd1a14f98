import type { Evaluation } from '../evaluation.ts';
import type { Finding } from '../rule.ts';
import type { CheckedFile } from './checked-file.ts';
import { notCheckedText } from './not-checked-text.ts';

export interface TextFormatOptions {
  /** ANSI colors (for a terminal). */
  color?: boolean;
}

const MARK = { fail: '✖', unknown: '?', waived: '~' } as const;
const COLOR = { error: 31, warning: 33, info: 36, unknown: 35, waived: 90 } as const;

function paint(on: boolean, code: number, text: string): string {
  return on ? `\u001b[${code}m${text}\u001b[0m` : text;
}

function findingLines(file: CheckedFile, f: Finding, color: boolean): string[] {
  const status = f.status === 'fail' ? f.severity : f.status;
  const tag = paint(
    color,
    f.status === 'fail' ? COLOR[f.severity] : COLOR[f.status],
    `${MARK[f.status]} ${status.padEnd(7)}`,
  );
  const where = f.path ? file.locate?.(f.path) : undefined;
  const subject = f.resource
    ? `${f.resource}${f.resourceType ? ` (${f.resourceType})` : ''}`
    : f.component
      ? `component ${f.component}`
      : 'architecture';
  const lines = [
    `  ${tag} ${f.ruleId}  ${subject}${where ? `  ${file.uri}:${where.line}:${where.column}` : ''}`,
  ];
  lines.push(`      ${f.message}`);
  if (f.generated)
    lines.push(`      checked on ${f.generated.type} ${f.generated.logicalId} (${f.generated.by})`);
  const inline = f.suppressedInTemplate;
  if (inline) {
    const why = inline.reason ? `: ${inline.reason}` : '';
    lines.push(
      `      suppressed in the template (${inline.by} ${inline.id}${why}); ${inline.honoured ? 'honoured by the org policy' : 'not honoured: the org policy does not allow inline suppressions'}`,
    );
  }
  if (f.status === 'waived') lines.push(`      waived by ${f.waiverId}`);
  else if (f.remediation) lines.push(`      how to fix: ${f.remediation}`);
  if (f.fix && f.status !== 'waived')
    lines.push(
      `      fix available: ${f.fix.description}${f.fix.safe ? ' (safe, applied automatically to proposals)' : ''}`,
    );
  return lines;
}

export function summaryLine(summary: Evaluation['summary']): string {
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${n(summary.errors, 'error')}, ${n(summary.warnings, 'warning')}, ${summary.infos} info, ${summary.unknown} unknown, ${summary.waived} waived; ${n(summary.passed, 'check')} passed (${n(summary.rulesEvaluated, 'rule')}, ${n(summary.resources, 'resource')})`;
}

/** A terminal report: one block per file, findings with their location, remediation and fix, a summary. */
export function formatText(files: readonly CheckedFile[], options: TextFormatOptions = {}): string {
  const color = options.color ?? false;
  const out: string[] = [];
  for (const file of files) {
    out.push(paint(color, 1, file.uri));
    if (file.evaluation.findings.length === 0) out.push('  no findings');
    for (const finding of file.evaluation.findings) out.push(...findingLines(file, finding, color));
    out.push(`  ${summaryLine(file.evaluation.summary)}`);
    const unchecked = notCheckedText(file.evaluation.summary);
    if (unchecked) out.push(`  ${unchecked}`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
