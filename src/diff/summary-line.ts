import type { DiffSummary } from './stack-diff.ts';

/** "2 to add, 1 to change, 1 to replace, 0 to destroy", with ", 1 to orphan" appended when there are orphans. */
export function summaryLineOf(summary: DiffSummary): string {
  const parts = [
    `${summary.add} to add`,
    `${summary.change} to change`,
    `${summary.replace} to replace`,
    `${summary.destroy} to destroy`,
  ];
  if (summary.orphan > 0) parts.push(`${summary.orphan} to orphan`);
  return parts.join(', ');
}
