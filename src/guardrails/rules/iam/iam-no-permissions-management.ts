import { defineTemplateRule } from '../../rule.ts';
import { IDENTITY_POLICY_TYPES } from '../_support/policy-statements.ts';
import { checkUnconstrainedActions } from '../_support/unconstrained-actions.ts';

export default defineTemplateRule({
  id: 'iam-no-permissions-management',
  title: 'IAM policies do not allow permissions management without constraints',
  severity: 'error',
  rationale:
    'Actions that change IAM or resource policies on any resource let the principal grant access to anyone, itself included.',
  remediation:
    'Scope policy-changing actions to the specific resources the workload administers, or remove them.',
  references: ['CKV_AWS_109'],
  resourceTypes: IDENTITY_POLICY_TYPES,
  check: (resource, { index }) =>
    checkUnconstrainedActions(
      resource,
      index,
      'Permissions management',
      'Permissions can be changed on any resource',
    ),
});
