import { defineTemplateRule } from '../../rule.ts';
import { expectPresent } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'secretsmanager-customer-managed-key',
  title: 'Secrets Manager secrets are encrypted with a customer managed key',
  severity: 'info',
  rationale:
    'A customer managed key lets the key policy, not only IAM, decide who can decrypt the secret, and is required to share it across accounts.',
  remediation: 'Set KmsKeyId to a customer managed KMS key.',
  references: ['CKV_AWS_149'],
  resourceTypes: ['AWS::SecretsManager::Secret'],
  check: (secret) => expectPresent(secret, 'KmsKeyId', 'The secret uses the AWS managed key'),
});
