import type { DiffView } from './view-models.ts';
import { escapeMrkdwn } from './mrkdwn.ts';

/** The diff summary line, then destroys and replacements (always all of them), then up to `limit` others. */
export function diffText(diff: DiffView, limit = 8): string {
  const lines = [`*Change:* ${escapeMrkdwn(diff.summaryLine)}`];
  for (const line of diff.dangerous) lines.push(`:warning: ${escapeMrkdwn(line)}`);
  for (const line of diff.others.slice(0, limit)) lines.push(`• ${escapeMrkdwn(line)}`);
  if (diff.others.length > limit) lines.push(`• _…and ${diff.others.length - limit} more_`);
  return lines.join('\n');
}
