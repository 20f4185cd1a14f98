import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'redshift-enhanced-vpc-routing',
  title: 'Redshift clusters use enhanced VPC routing',
  severity: 'info',
  rationale:
    'With enhanced VPC routing, COPY and UNLOAD traffic goes through the VPC, where endpoint policies, flow logs and security groups apply, instead of the public network.',
  remediation: 'Set EnhancedVpcRouting to true (and add an S3 gateway endpoint to the VPC).',
  references: ['https://docs.aws.amazon.com/redshift/latest/mgmt/enhanced-vpc-routing.html'],
  resourceTypes: ['AWS::Redshift::Cluster'],
  check: (cluster) =>
    expectBool(cluster, 'EnhancedVpcRouting', true, 'COPY and UNLOAD traffic leaves the VPC', {
      absent: false,
    }),
  fix: {
    description: 'route COPY and UNLOAD traffic through the VPC (needs an S3 endpoint or NAT)',
    safe: false,
    patch: (cluster) => setProperty(cluster, 'EnhancedVpcRouting', true),
  },
});
