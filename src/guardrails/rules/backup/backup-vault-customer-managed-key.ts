import { defineTemplateRule } from '../../rule.ts';
import { expectCustomerManagedKey } from '../_support/customer-managed-key.ts';

export default defineTemplateRule({
  id: 'backup-vault-customer-managed-key',
  title: 'Backup vaults encrypt recovery points with a customer managed KMS key',
  severity: 'info',
  rationale:
    'Backups are a full copy of the data; a customer managed key lets the key policy decide who can restore them, separately from who can read the vault.',
  remediation: 'Set EncryptionKeyArn to a customer managed KMS key.',
  references: ['CKV_AWS_166'],
  resourceTypes: ['AWS::Backup::BackupVault'],
  check: (vault, { index }) =>
    expectCustomerManagedKey(vault, index, 'EncryptionKeyArn', 'Recovery points use the AWS managed key'),
});
