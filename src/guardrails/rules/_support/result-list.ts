import type { CheckResult } from '../../rule.ts';

/** A rule's answer as a list, to merge the answers of several checks with `combine`. */
export function resultsOf(result: CheckResult | readonly CheckResult[]): readonly CheckResult[] {
  return 'status' in result ? [result] : result;
}
