import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { storageEncryptionCheck } from '../_support/rds-storage-encryption.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'rds-storage-encrypted',
  title: 'RDS DB instances encrypt their storage',
  severity: 'error',
  rationale:
    'Unencrypted database storage, snapshots and replicas expose data to anyone who obtains a copy of them; encryption cannot be turned on later without a restore.',
  remediation:
    'Set StorageEncrypted to true (and KmsKeyId for a customer managed key) when the database is created; a database restored from a snapshot is encrypted when its snapshot is.',
  references: ['CKV_AWS_16', 'AwsSolutions-RDS2'],
  resourceTypes: ['AWS::RDS::DBInstance'],
  check: (db) =>
    storageEncryptionCheck(db, () =>
      expectBool(db, 'StorageEncrypted', true, 'Storage is not encrypted', { absent: false }),
    ),
  fix: {
    description: 'encrypt the storage (replaces the database: restore from a snapshot)',
    safe: false,
    patch: (db) => setProperty(db, 'StorageEncrypted', true),
  },
});
