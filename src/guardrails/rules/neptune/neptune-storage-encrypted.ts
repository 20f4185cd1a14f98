import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'neptune-storage-encrypted',
  title: 'Neptune clusters are encrypted at rest',
  severity: 'error',
  rationale:
    'Neptune storage, snapshots and replicas are unencrypted unless StorageEncrypted is set at creation; it cannot be turned on later.',
  remediation: 'Set StorageEncrypted to true (and KmsKeyId for a customer managed key).',
  references: ['CKV_AWS_44', 'AwsSolutions-N4'],
  resourceTypes: ['AWS::Neptune::DBCluster'],
  check: (cluster) =>
    expectBool(cluster, 'StorageEncrypted', true, 'The cluster is not encrypted', { absent: false }),
  fix: {
    description: 'encrypt the cluster (replaces it: restore the data from a snapshot)',
    safe: false,
    patch: (cluster) => setProperty(cluster, 'StorageEncrypted', true),
  },
});
