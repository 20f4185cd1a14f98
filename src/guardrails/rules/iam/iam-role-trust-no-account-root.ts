import { defineTemplateRule } from '../../rule.ts';
import { fail, unknown } from '../_support/check-result.ts';
import { checkStatements } from '../_support/policy-statements.ts';

const ACCOUNT = /^(\d{12}|arn:aws[a-z-]*:iam::\d{12}:root)$/;

export default defineTemplateRule({
  id: 'iam-role-trust-no-account-root',
  title: 'IAM roles trust specific principals, not a whole account',
  severity: 'warning',
  rationale:
    'Trusting an account root lets every user and role in that account that has sts:AssumeRole assume the role.',
  remediation:
    'Trust the ARNs of the specific roles that need to assume this role, or add a Condition on aws:PrincipalArn.',
  references: ['CKV_AWS_61'],
  resourceTypes: ['AWS::IAM::Role'],
  check: (role, { index }) =>
    checkStatements(
      role,
      index,
      (s) => {
        const aws = s.values('Principal.AWS');
        if (!aws.known) return unknown(`${s.path}.Principal.AWS`, aws.reason);
        const roots = aws.values.filter((p) => ACCOUNT.test(p));
        if (roots.length === 0) return undefined;
        const condition = s.has('Condition');
        if (!condition.known) return unknown(`${s.path}.Condition`, condition.reason);
        if (condition.value) return undefined;
        return fail(
          `${s.path}.Principal.AWS`,
          `The role trusts the whole account ${roots.join(', ')}; expected specific role ARNs or a Condition`,
          roots,
          'specific principals',
        );
      },
      { documents: ['AssumeRolePolicyDocument'] },
    ),
});
