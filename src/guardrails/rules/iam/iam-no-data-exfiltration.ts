import { defineTemplateRule } from '../../rule.ts';
import { IDENTITY_POLICY_TYPES } from '../_support/policy-statements.ts';
import { checkUnconstrainedActions } from '../_support/unconstrained-actions.ts';

const ACTIONS = [
  's3:GetObject',
  'ssm:GetParameter',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
  'secretsmanager:GetSecretValue',
];

export default defineTemplateRule({
  id: 'iam-no-data-exfiltration',
  title: 'IAM policies do not allow reading every object, parameter and secret',
  severity: 'error',
  rationale:
    'Read actions on data stores granted on any resource let a compromised principal copy every object, parameter and secret in the account.',
  remediation:
    'Scope s3:GetObject, ssm:GetParameter* and secretsmanager:GetSecretValue to the ARNs the workload reads.',
  references: ['CKV_AWS_108'],
  resourceTypes: IDENTITY_POLICY_TYPES,
  check: (resource, { index }) =>
    checkUnconstrainedActions(resource, index, ACTIONS, 'Data exfiltration is possible'),
});
