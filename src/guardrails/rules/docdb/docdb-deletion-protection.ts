import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'docdb-deletion-protection',
  title: 'DocumentDB clusters have deletion protection',
  severity: 'warning',
  rationale:
    'Deletion protection stops a stack update, a replacement or a console click from deleting the cluster and its data.',
  remediation: 'Set DeletionProtection to true.',
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/documentdb-controls.html'],
  resourceTypes: ['AWS::DocDB::DBCluster'],
  check: (cluster) =>
    expectBool(cluster, 'DeletionProtection', true, 'The cluster can be deleted', { absent: false }),
  fix: {
    description: 'turn on deletion protection',
    safe: true,
    patch: (cluster) => setProperty(cluster, 'DeletionProtection', true),
  },
});
