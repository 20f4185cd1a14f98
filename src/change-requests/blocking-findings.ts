import { isBlocking } from '../proposal/is-blocking.ts';

/** A finding as the change request snapshot keeps it (the guardrails' Finding satisfies it). */
export interface FindingLike {
  ruleId: string;
  severity: string;
  status: string;
  resource?: string;
  component?: string;
  message: string;
}

/** The findings that stop a change from being submitted (see `isBlocking`). */
export function blockingFindings<F extends FindingLike>(findings: readonly F[]): F[] {
  return findings.filter(isBlocking);
}
