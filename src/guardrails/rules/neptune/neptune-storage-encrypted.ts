import { defineTemplateRule } from '../../rule.ts';
import { STORAGE_ENCRYPTED } from '../_support/db-cluster-settings.ts';

export default defineTemplateRule({
  id: 'neptune-storage-encrypted',
  title: 'Neptune clusters are encrypted at rest',
  severity: 'error',
  rationale:
    'Neptune storage, snapshots and replicas are unencrypted unless StorageEncrypted is set at creation; it cannot be turned on later.',
  remediation: 'Set StorageEncrypted to true (and KmsKeyId for a customer managed key).',
  references: ['CKV_AWS_44', 'AwsSolutions-N4'],
  resourceTypes: ['AWS::Neptune::DBCluster'],
  check: STORAGE_ENCRYPTED.check,
  fix: STORAGE_ENCRYPTED.fix,
});
