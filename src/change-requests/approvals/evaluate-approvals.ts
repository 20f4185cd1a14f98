import type { RiskLevel } from '../risk/risk-types.ts';
import type { ApprovalPolicy } from './approval-policy.ts';

export interface RecordedApproval {
  approverId: string;
  /** Whether the approver was a policy admin when they approved (recorded with the approval). */
  policyAdmin: boolean;
}

export interface ApprovalStatus {
  satisfied: boolean;
  required: { approvals: number; policyAdminApprovals: number };
  /** Distinct approvers counted. */
  approvals: number;
  policyAdminApprovals: number;
  /** What is still missing, in plain words; empty when satisfied. */
  missing: string[];
}

/** Whether the approvals of the current revision satisfy the rule for `risk`. Pure. */
export function evaluateApprovals(
  approvals: readonly RecordedApproval[],
  risk: RiskLevel,
  policy: ApprovalPolicy,
): ApprovalStatus {
  const requirement = policy[risk];
  const byApprover = new Map<string, boolean>();
  for (const approval of approvals) {
    byApprover.set(
      approval.approverId,
      (byApprover.get(approval.approverId) ?? false) || approval.policyAdmin,
    );
  }
  const count = byApprover.size;
  const adminCount = [...byApprover.values()].filter(Boolean).length;
  const missing: string[] = [];
  if (count < requirement.approvals) {
    const n = requirement.approvals - count;
    missing.push(`${n} more approval${n === 1 ? '' : 's'}`);
  }
  if (adminCount < requirement.policyAdminApprovals) {
    const n = requirement.policyAdminApprovals - adminCount;
    missing.push(`${n} approval${n === 1 ? '' : 's'} from a policy_admin`);
  }
  return {
    satisfied: missing.length === 0,
    required: { approvals: requirement.approvals, policyAdminApprovals: requirement.policyAdminApprovals },
    approvals: count,
    policyAdminApprovals: adminCount,
    missing,
  };
}
