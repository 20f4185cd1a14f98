import { defineTemplateRule } from '../../rule.ts';
import { STORAGE_ENCRYPTED } from '../_support/db-cluster-settings.ts';

export default defineTemplateRule({
  id: 'docdb-storage-encrypted',
  title: 'DocumentDB clusters are encrypted at rest',
  severity: 'error',
  rationale:
    'DocumentDB storage, snapshots and replicas are unencrypted unless StorageEncrypted is set at creation; it cannot be turned on later.',
  remediation: 'Set StorageEncrypted to true (and KmsKeyId for a customer managed key).',
  references: ['CKV_AWS_74', 'AwsSolutions-DOC1'],
  resourceTypes: ['AWS::DocDB::DBCluster'],
  check: STORAGE_ENCRYPTED.check,
  fix: STORAGE_ENCRYPTED.fix,
});
