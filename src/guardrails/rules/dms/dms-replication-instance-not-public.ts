import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'dms-replication-instance-not-public',
  title: 'DMS replication instances are not publicly accessible',
  severity: 'error',
  rationale:
    'A replication instance holds credentials to the source and target databases; by default it gets a public address reachable from the internet.',
  remediation:
    'Set PubliclyAccessible to false (the default is true) and reach the databases over private networks.',
  references: ['CKV_AWS_89'],
  resourceTypes: ['AWS::DMS::ReplicationInstance'],
  check: (instance) =>
    expectBool(instance, 'PubliclyAccessible', false, 'The replication instance is public', { absent: true }),
  fix: {
    description: 'make the replication instance private (replaces it)',
    safe: false,
    patch: (instance) => setProperty(instance, 'PubliclyAccessible', false),
  },
});
