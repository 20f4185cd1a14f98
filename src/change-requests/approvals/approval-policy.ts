import { z } from 'zod';

/**
 * The approval rule, configurable (config `APPROVAL_*` variables or plugin options).
 * Defaults: low risk needs one reviewer approval; high risk needs two, at least one from a policy_admin;
 * a reviewer of another team may not approve (members of the infra org — no team, or one of `infraTeams` —
 * and policy admins review every team).
 */
export const RiskRequirementSchema = z.strictObject({
  approvals: z.number().int().min(1).max(10),
  policyAdminApprovals: z.number().int().min(0).max(10),
});
export type RiskRequirement = z.infer<typeof RiskRequirementSchema>;

export const ApprovalPolicySchema = z
  .strictObject({
    low: RiskRequirementSchema,
    high: RiskRequirementSchema,
    allowCrossTeamReviewers: z.boolean(),
    /** Teams whose reviewers form the infra org and may review any team. */
    infraTeams: z.array(z.string().min(1)),
  })
  .refine((policy) => policy.low.policyAdminApprovals <= policy.low.approvals, {
    message: 'low.policyAdminApprovals must not exceed low.approvals',
    path: ['low', 'policyAdminApprovals'],
  })
  .refine((policy) => policy.high.policyAdminApprovals <= policy.high.approvals, {
    message: 'high.policyAdminApprovals must not exceed high.approvals',
    path: ['high', 'policyAdminApprovals'],
  });
export type ApprovalPolicy = z.infer<typeof ApprovalPolicySchema>;

export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = {
  low: { approvals: 1, policyAdminApprovals: 0 },
  high: { approvals: 2, policyAdminApprovals: 1 },
  allowCrossTeamReviewers: false,
  infraTeams: [],
};
