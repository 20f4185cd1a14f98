import { defineTemplateRule } from '../../rule.ts';
import { expectOneOf } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'dax-tls-endpoint',
  title: 'DAX clusters encrypt client connections with TLS',
  severity: 'warning',
  rationale:
    'With the default NONE, items read from and written through the cache travel unencrypted between clients and nodes.',
  remediation: 'Set ClusterEndpointEncryptionType to TLS when creating the cluster.',
  references: [
    'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionInTransit.html',
  ],
  resourceTypes: ['AWS::DAX::Cluster'],
  check: (cluster) =>
    expectOneOf(cluster, 'ClusterEndpointEncryptionType', ['TLS'], 'Client connections are not encrypted', {
      absent: 'NONE',
    }),
  fix: {
    description: 'require TLS on the cluster endpoint (replaces the cluster; clients must use TLS)',
    safe: false,
    patch: (cluster) => setProperty(cluster, 'ClusterEndpointEncryptionType', 'TLS'),
  },
});
