import type { Finding } from '../guardrails/rule.ts';

/**
 * Whether a proposal's finding blocks it: an `error` that is not waived (a failure, or a check that could
 * not be decided). The proposal summary counts these; replies and answers list them.
 */
export function isBlocking(finding: Pick<Finding, 'severity' | 'status'>): boolean {
  return finding.severity === 'error' && finding.status !== 'waived';
}
