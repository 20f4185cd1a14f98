import { defineTemplateRule } from '../../rule.ts';
import { checkNoPublicPrincipal } from '../_support/public-principal.ts';

export default defineTemplateRule({
  id: 'iam-role-trust-no-wildcard-principal',
  title: 'IAM roles cannot be assumed by everyone',
  severity: 'error',
  rationale: 'A trust policy with Principal "*" and no Condition lets any AWS account assume the role.',
  remediation:
    'Name the service or account principals that may assume the role, or add a Condition such as aws:PrincipalOrgID.',
  references: ['CKV_AWS_60'],
  resourceTypes: ['AWS::IAM::Role'],
  check: (role, { index }) =>
    checkNoPublicPrincipal(role, index, 'The role trust policy is public', {
      documents: ['AssumeRolePolicyDocument'],
    }),
});
