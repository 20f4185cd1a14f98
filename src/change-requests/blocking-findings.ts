/** A finding as the change request snapshot keeps it (the guardrails' Finding satisfies it). */
export interface FindingLike {
  ruleId: string;
  severity: string;
  status: string;
  resource?: string;
  component?: string;
  message: string;
}

/** The findings that stop a change from being submitted: `error` severity, status `fail` (not waived). */
export function blockingFindings<F extends FindingLike>(findings: readonly F[]): F[] {
  return findings.filter((finding) => finding.severity === 'error' && finding.status === 'fail');
}
