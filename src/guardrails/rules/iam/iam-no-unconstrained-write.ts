import { defineTemplateRule } from '../../rule.ts';
import { IDENTITY_POLICY_TYPES } from '../_support/policy-statements.ts';
import { checkUnconstrainedActions } from '../_support/unconstrained-actions.ts';

/**
 * Network interface management a service does with the role in a VPC (Lambda, Firehose): the interfaces
 * are created on the fly, so AWS requires Resource "*" (AWSLambdaVPCAccessExecutionRole grants them so);
 * iam-no-wildcard-resources exempts the same actions.
 */
const SERVICE_MANAGED_INTERFACES =
  /^ec2:(create|delete)networkinterface$|^ec2:(assign|unassign)privateipaddresses$/i;

export default defineTemplateRule({
  id: 'iam-no-unconstrained-write',
  title: 'IAM policies do not allow write access without constraints',
  severity: 'warning',
  rationale:
    'Write and delete actions on any resource let a bug or a compromised principal change or destroy data the workload does not own.',
  remediation: 'Scope write actions to the ARNs of the resources the workload owns.',
  references: ['CKV_AWS_111'],
  resourceTypes: IDENTITY_POLICY_TYPES,
  check: (resource, { index }) =>
    checkUnconstrainedActions(
      resource,
      index,
      'Write',
      'Write access is unconstrained',
      SERVICE_MANAGED_INTERFACES,
    ),
});
