import type { StackDiff } from './stack-diff.ts';

/** The model itself as JSON, two-space indented, with a trailing newline; same model, same bytes. */
export function renderDiffJson(diff: StackDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}
