import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

const PATH = 'EncryptionInfo.EncryptionInTransit.InCluster';

export default defineTemplateRule({
  id: 'msk-in-cluster-tls',
  title: 'MSK brokers encrypt traffic between themselves',
  severity: 'error',
  rationale: 'With InCluster false, replication traffic between brokers carries every message unencrypted.',
  remediation: `Set ${PATH} to true, or leave it unset (true is the default).`,
  references: ['AwsSolutions-MSK3'],
  resourceTypes: ['AWS::MSK::Cluster'],
  check: (cluster) => expectBool(cluster, PATH, true, 'Brokers replicate in plain text', { absent: true }),
  fix: {
    description: 'encrypt traffic between brokers (replaces the cluster)',
    safe: false,
    patch: (cluster) => setProperty(cluster, PATH, true),
  },
});
