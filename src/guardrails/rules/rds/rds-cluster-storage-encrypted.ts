import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { storageEncryptionCheck } from '../_support/rds-storage-encryption.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'rds-cluster-storage-encrypted',
  title: 'Aurora and Multi-AZ DB clusters encrypt their storage',
  severity: 'error',
  rationale:
    'Unencrypted cluster storage, snapshots and clones expose data to anyone who obtains a copy of them; encryption cannot be turned on later without a restore.',
  remediation:
    'Set StorageEncrypted to true (and KmsKeyId for a customer managed key) when the cluster is created; a cluster restored from a snapshot is encrypted when its snapshot is.',
  references: ['CKV_AWS_96', 'AwsSolutions-RDS2'],
  resourceTypes: ['AWS::RDS::DBCluster'],
  check: (cluster) =>
    storageEncryptionCheck(cluster, () =>
      expectBool(cluster, 'StorageEncrypted', true, 'Storage is not encrypted', { absent: false }),
    ),
  fix: {
    description: 'encrypt the storage (replaces the cluster: restore from a snapshot)',
    safe: false,
    patch: (cluster) => setProperty(cluster, 'StorageEncrypted', true),
  },
});
