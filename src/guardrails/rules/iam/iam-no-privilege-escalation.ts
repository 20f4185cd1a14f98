import { defineTemplateRule } from '../../rule.ts';
import { IDENTITY_POLICY_TYPES } from '../_support/policy-statements.ts';
import { checkUnconstrainedActions } from '../_support/unconstrained-actions.ts';

const ACTIONS = [
  'iam:AddUserToGroup',
  'iam:AttachGroupPolicy',
  'iam:AttachRolePolicy',
  'iam:AttachUserPolicy',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:CreatePolicyVersion',
  'iam:PassRole',
  'iam:PutGroupPolicy',
  'iam:PutRolePolicy',
  'iam:PutUserPolicy',
  'iam:SetDefaultPolicyVersion',
  'iam:UpdateAssumeRolePolicy',
  'iam:UpdateLoginProfile',
  'glue:UpdateDevEndpoint',
  'lambda:UpdateFunctionCode',
  'lambda:UpdateFunctionConfiguration',
];

export default defineTemplateRule({
  id: 'iam-no-privilege-escalation',
  title: 'IAM policies do not allow privilege escalation',
  severity: 'error',
  rationale:
    'Actions such as iam:PassRole, iam:PutRolePolicy or iam:CreatePolicyVersion on any resource let the principal give itself more permissions.',
  remediation:
    'Scope these actions to the specific roles and policies the workload manages (for iam:PassRole, the one role it passes).',
  references: ['CKV_AWS_110'],
  resourceTypes: IDENTITY_POLICY_TYPES,
  check: (resource, { index }) =>
    checkUnconstrainedActions(resource, index, ACTIONS, 'Privilege escalation is possible'),
});
