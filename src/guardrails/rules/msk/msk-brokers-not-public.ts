import { defineTemplateRule } from '../../rule.ts';
import { expectNoneOf } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

const PATH = 'BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type';

export default defineTemplateRule({
  id: 'msk-brokers-not-public',
  title: 'MSK brokers are not reachable from the internet',
  severity: 'error',
  rationale:
    'SERVICE_PROVIDED_EIPS gives every broker a public address, so the cluster is one misconfigured ACL or leaked credential away from the internet.',
  remediation: `Set ${PATH} to DISABLED (the default) and reach the cluster from the VPC or over PrivateLink.`,
  references: ['CKV_AWS_291'],
  resourceTypes: ['AWS::MSK::Cluster'],
  check: (cluster) =>
    expectNoneOf(cluster, PATH, ['SERVICE_PROVIDED_EIPS'], 'Brokers have public addresses', {
      absent: 'DISABLED',
    }),
  fix: {
    description: 'remove the public broker addresses (clients outside the VPC lose access)',
    safe: false,
    patch: (cluster) => setProperty(cluster, PATH, 'DISABLED'),
  },
});
