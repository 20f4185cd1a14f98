import type { TextLocation } from '../../cfn/template-parse-error.ts';
import type { Finding } from '../rule.ts';

/** A finding with the line and column of its path in the template text, when known. */
export type LocatedFinding = Finding & { line?: number; column?: number };

/** The findings with `line`/`column` added where `locate` knows their path (unchanged without `locate`). */
export function locatedFindings(
  findings: readonly Finding[],
  locate: ((pointer: string) => TextLocation | undefined) | undefined,
): LocatedFinding[] {
  return findings.map((f) => {
    const at = f.path ? locate?.(f.path) : undefined;
    return at ? { ...f, line: at.line, column: at.column } : f;
  });
}
