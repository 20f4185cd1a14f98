import type { EvaluationSummary } from '../evaluation.ts';

/**
 * "not checked: 3 resources of types AWS::SSM::Parameter (2), AWS::Serverless::Application (1)", or
 * undefined when every resource was covered by some rule.
 */
export function notCheckedText(
  summary: Pick<EvaluationSummary, 'notChecked' | 'notCheckedTypes'>,
): string | undefined {
  if (summary.notChecked === 0) return undefined;
  const types = Object.entries(summary.notCheckedTypes)
    .map(([type, count]) => `${type} (${count})`)
    .join(', ');
  const noun = summary.notChecked === 1 ? 'resource' : 'resources';
  return `not checked: ${summary.notChecked} ${noun} of ${Object.keys(summary.notCheckedTypes).length === 1 ? 'type' : 'types'} ${types} (no rule covers them)`;
}
