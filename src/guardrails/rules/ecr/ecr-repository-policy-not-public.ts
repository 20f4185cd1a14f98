import { defineTemplateRule } from '../../rule.ts';
import { checkNoPublicPrincipal } from '../_support/public-principal.ts';

export default defineTemplateRule({
  id: 'ecr-repository-policy-not-public',
  title: 'ECR repository policies do not allow everyone',
  severity: 'error',
  rationale:
    'A repository policy for Principal "*" lets any AWS account pull (or push) images, which often contain code and secrets.',
  remediation: 'Name the accounts or roles in the policy, or add a Condition on aws:PrincipalOrgID.',
  references: ['CKV_AWS_32', 'AwsSolutions-ECR1'],
  resourceTypes: ['AWS::ECR::Repository'],
  check: (repo, { index }) => checkNoPublicPrincipal(repo, index, 'The repository policy is public'),
});
