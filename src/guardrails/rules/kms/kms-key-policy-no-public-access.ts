import { defineTemplateRule } from '../../rule.ts';
import { checkNoPublicPrincipal } from '../_support/public-principal.ts';

export default defineTemplateRule({
  id: 'kms-key-policy-no-public-access',
  title: 'KMS key policies do not allow everyone',
  severity: 'error',
  rationale:
    'A key policy statement for Principal "*" without a Condition lets any AWS account use or manage the key.',
  remediation:
    'Grant the account root (arn:aws:iam::<account>:root) and specific roles; add Conditions such as kms:ViaService or aws:PrincipalOrgID when "*" is needed.',
  references: ['CKV_AWS_33'],
  resourceTypes: ['AWS::KMS::Key'],
  check: (key, { index }) => checkNoPublicPrincipal(key, index, 'The key policy is public'),
});
