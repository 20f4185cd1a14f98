import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'redshift-not-public',
  title: 'Redshift clusters are not publicly accessible',
  severity: 'error',
  rationale:
    'A public cluster gets an internet-routable endpoint, so only its security group and password stand between the data and the internet.',
  remediation:
    'Set PubliclyAccessible to false (the API default) and reach the cluster from inside the VPC or through a bastion.',
  // CKV_AWS_87 is not cited: it fails clusters that leave PubliclyAccessible unset, which CreateCluster makes private.
  references: ['AwsSolutions-RS8'],
  resourceTypes: ['AWS::Redshift::Cluster'],
  check: (cluster) =>
    expectBool(cluster, 'PubliclyAccessible', false, 'The cluster is publicly accessible', { absent: false }),
  fix: {
    description: 'make the cluster private (clients outside the VPC lose access)',
    safe: false,
    patch: (cluster) => setProperty(cluster, 'PubliclyAccessible', false),
  },
});
