import { defineTemplateRule } from '../../rule.ts';
import { eachItem, fail, PASS, unknown } from '../_support/check-result.ts';
import { refersToResource } from '../_support/policy-statements.ts';

const ADMIN = /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/;

export default defineTemplateRule({
  id: 'iam-no-administrator-access-policy',
  title: 'Roles, users and groups do not use the AWS AdministratorAccess policy',
  severity: 'error',
  rationale: 'AdministratorAccess allows every action on every resource of the account.',
  remediation:
    'Replace AdministratorAccess with a policy listing the actions and resources the principal needs.',
  references: ['CKV_AWS_274', 'AwsSolutions-IAM4'],
  resourceTypes: ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'],
  check: (resource, { index }) =>
    eachItem(resource, 'ManagedPolicyArns', (item) => {
      const arn = resource.get(item);
      if (!arn.known) return refersToResource(resource, index, item) ? PASS : unknown(item, arn.reason);
      if (typeof arn.value === 'string' && ADMIN.test(arn.value)) {
        return fail(
          item,
          `The managed policy is ${arn.value}; expected a least-privilege policy`,
          arn.value,
          'least privilege',
        );
      }
      return PASS;
    }),
});
