import type { ChangeRequestSummary } from '../notifier.ts';

function age(createdAt: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(createdAt)) / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h`;
  return `${Math.floor(hours / 24)}d`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** The review queue as a terminal table, oldest first (the order given). Pure: `now` is passed in. */
export function renderQueueText(items: readonly ChangeRequestSummary[], now: Date): string {
  if (items.length === 0) return 'No change requests waiting for review.\n';
  const rows = items.map((item) => [
    item.id.slice(0, 8),
    age(item.createdAt, now),
    item.risk.level.toUpperCase(),
    item.state,
    `${item.approvals.have}/${item.approvals.need}`,
    item.stackName,
    item.authorName,
    item.title,
  ]);
  const header = ['ID', 'AGE', 'RISK', 'STATE', 'APPROVALS', 'STACK', 'AUTHOR', 'TITLE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i] as number)))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
