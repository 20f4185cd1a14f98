import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'redshift-encrypted',
  title: 'Redshift clusters are encrypted at rest',
  severity: 'error',
  rationale:
    'An unencrypted warehouse keeps its tables, snapshots and backups readable to anyone who gets a copy of the storage.',
  remediation: 'Set Encrypted to true (and KmsKeyId for a customer managed key).',
  references: ['CKV_AWS_64', 'AwsSolutions-RS6'],
  resourceTypes: ['AWS::Redshift::Cluster'],
  check: (cluster) =>
    expectBool(cluster, 'Encrypted', true, 'The cluster is not encrypted', { absent: false }),
  fix: {
    description: 'encrypt the cluster (Redshift migrates the data to encrypted storage, which takes time)',
    safe: false,
    patch: (cluster) => setProperty(cluster, 'Encrypted', true),
  },
});
