import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'elasticache-encryption-at-rest',
  title: 'ElastiCache replication groups encrypt data at rest',
  severity: 'error',
  rationale:
    'Cached data, backups and swap are written to disk unencrypted unless at-rest encryption is on; it cannot be turned on later in place.',
  remediation: 'Set AtRestEncryptionEnabled to true (and KmsKeyId for a customer managed key).',
  references: ['CKV_AWS_29', 'AwsSolutions-AEC3'],
  resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
  check: (group) =>
    expectBool(group, 'AtRestEncryptionEnabled', true, 'Data at rest is not encrypted', { absent: false }),
  fix: {
    description: 'encrypt at rest (replaces the replication group)',
    safe: false,
    patch: (group) => setProperty(group, 'AtRestEncryptionEnabled', true),
  },
});
