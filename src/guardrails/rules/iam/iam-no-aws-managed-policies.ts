import { defineTemplateRule } from '../../rule.ts';
import { eachItem, fail, PASS, unknown } from '../_support/check-result.ts';
import { refersToResource } from '../_support/policy-statements.ts';

const AWS_MANAGED = /^arn:aws[a-z-]*:iam::aws:policy\//;

export default defineTemplateRule({
  id: 'iam-no-aws-managed-policies',
  title: 'Roles, users and groups use customer policies rather than AWS managed policies',
  severity: 'info',
  rationale:
    'AWS managed policies are written for every customer, are usually broader than a workload needs, and change without notice.',
  remediation:
    'Replace the AWS managed policy with an inline or customer managed policy listing the needed actions and resources.',
  references: ['AwsSolutions-IAM4'],
  resourceTypes: ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'],
  check: (resource, { index }) =>
    eachItem(resource, 'ManagedPolicyArns', (item) => {
      const arn = resource.get(item);
      if (!arn.known) return refersToResource(resource, index, item) ? PASS : unknown(item, arn.reason);
      if (typeof arn.value === 'string' && AWS_MANAGED.test(arn.value)) {
        return fail(
          item,
          `The AWS managed policy ${arn.value} is attached; expected a customer policy`,
          arn.value,
          'customer policy',
        );
      }
      return PASS;
    }),
});
