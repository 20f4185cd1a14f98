import { defineTemplateRule } from '../../rule.ts';
import { fail } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'iam-no-access-keys',
  title: 'Templates do not create long-lived IAM access keys',
  severity: 'warning',
  rationale:
    'Access keys are long-lived credentials that leak through code, logs and laptops; roles give temporary credentials instead.',
  remediation:
    'Use an IAM role (instance profile, task role, IRSA, OIDC federation for CI) instead of an AWS::IAM::AccessKey.',
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles'],
  resourceTypes: ['AWS::IAM::AccessKey'],
  check: () =>
    fail(
      '',
      'The template creates an IAM access key; expected temporary credentials through a role',
      'AWS::IAM::AccessKey',
      'an IAM role',
    ),
});
