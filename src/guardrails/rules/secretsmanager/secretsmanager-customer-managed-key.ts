import { defineTemplateRule } from '../../rule.ts';
import { expectCustomerManagedKey } from '../_support/customer-managed-key.ts';

export default defineTemplateRule({
  id: 'secretsmanager-customer-managed-key',
  title: 'Secrets Manager secrets are encrypted with a customer managed key',
  severity: 'info',
  rationale:
    'A customer managed key lets the key policy, not only IAM, decide who can decrypt the secret, and is required to share it across accounts.',
  remediation: 'Set KmsKeyId to a customer managed KMS key (not an alias/aws/... key).',
  references: ['CKV_AWS_149'],
  resourceTypes: ['AWS::SecretsManager::Secret'],
  check: (secret, { index }) =>
    expectCustomerManagedKey(secret, index, 'KmsKeyId', 'The secret uses the AWS managed key'),
});
