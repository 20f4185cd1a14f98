import { defineTemplateRule } from '../../rule.ts';
import { checkNoPublicPrincipal } from '../_support/public-principal.ts';

export default defineTemplateRule({
  id: 'secretsmanager-resource-policy-not-public',
  title: 'Secrets Manager resource policies do not allow everyone',
  severity: 'error',
  rationale:
    'A resource policy for Principal "*" without a Condition lets any AWS account read the secret (given the key allows it).',
  remediation:
    'Name the roles or accounts that need the secret, or add a Condition on aws:PrincipalOrgID; set BlockPublicPolicy to true.',
  references: [
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/determine-acccess_examine-iam-policies.html',
  ],
  resourceTypes: ['AWS::SecretsManager::ResourcePolicy'],
  check: (policy, { index }) => checkNoPublicPrincipal(policy, index, 'The secret policy is public'),
});
