/**
 * Whether a finding blocks submission: an `error` that fails and is not waived. An `error` check that
 * could not be decided (`unknown`, e.g. a value known only after deployment) is shown to reviewers but
 * does not block, so the proposal's count, the reply and the change request's refusal always agree.
 */
export function isBlocking(finding: { severity: string; status: string }): boolean {
  return finding.severity === 'error' && finding.status === 'fail';
}
