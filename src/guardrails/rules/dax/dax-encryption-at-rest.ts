import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

const PATH = 'SSESpecification.SSEEnabled';

export default defineTemplateRule({
  id: 'dax-encryption-at-rest',
  title: 'DAX clusters encrypt their cache at rest',
  severity: 'error',
  rationale:
    'DAX caches DynamoDB items on its nodes; without server-side encryption that copy of the table data is stored unencrypted.',
  remediation: `Set ${PATH} to true when creating the cluster.`,
  references: ['CKV_AWS_47'],
  resourceTypes: ['AWS::DAX::Cluster'],
  check: (cluster) => expectBool(cluster, PATH, true, 'The cache is not encrypted', { absent: false }),
  fix: {
    description: 'encrypt the cache at rest (replaces the cluster, which starts cold)',
    safe: false,
    patch: (cluster) => setProperty(cluster, PATH, true),
  },
});
