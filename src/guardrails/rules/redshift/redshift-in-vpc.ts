import { defineTemplateRule } from '../../rule.ts';
import { expectPresent } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'redshift-in-vpc',
  title: 'Redshift clusters run in a VPC',
  severity: 'error',
  rationale:
    'Without a cluster subnet group the cluster is created outside a VPC (EC2-Classic), with no security groups, network ACLs or private endpoints.',
  remediation: 'Create an AWS::Redshift::ClusterSubnetGroup and set ClusterSubnetGroupName to it.',
  references: ['CKV_AWS_154', 'AwsSolutions-RS2'],
  resourceTypes: ['AWS::Redshift::Cluster'],
  check: (cluster) => expectPresent(cluster, 'ClusterSubnetGroupName', 'The cluster is not placed in a VPC'),
});
