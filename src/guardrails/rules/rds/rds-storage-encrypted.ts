import { defineTemplateRule } from '../../rule.ts';
import { expectBool, PASS } from '../_support/check-result.ts';
import { standaloneInstance } from '../_support/rds-engine.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'rds-storage-encrypted',
  title: 'RDS instances and Aurora clusters encrypt their storage',
  severity: 'error',
  rationale:
    'Unencrypted database storage, snapshots and replicas expose data to anyone who obtains a copy of them; encryption cannot be turned on later without a restore.',
  remediation:
    'Set StorageEncrypted to true (and KmsKeyId for a customer managed key) when the database is created.',
  references: ['CKV_AWS_16', 'CKV_AWS_96', 'AwsSolutions-RDS2'],
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  check: (db) => {
    const applies = standaloneInstance(db);
    if (applies !== true) return applies === false ? PASS : applies;
    return expectBool(db, 'StorageEncrypted', true, 'Storage is not encrypted', { absent: false });
  },
  fix: {
    description: 'encrypt the storage (replaces the database: restore from a snapshot)',
    safe: false,
    patch: (db) => setProperty(db, 'StorageEncrypted', true),
  },
});
