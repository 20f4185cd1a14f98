import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { removeProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'ec2-launch-configuration-no-public-ip',
  title: 'Launch configurations do not give instances public IP addresses',
  severity: 'warning',
  rationale:
    'Instances with public addresses are reachable from the internet as soon as a security group rule allows it.',
  remediation:
    'Remove AssociatePublicIpAddress (or set it to false) and launch into private subnets behind a load balancer.',
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html'],
  resourceTypes: ['AWS::AutoScaling::LaunchConfiguration'],
  check: (config) =>
    expectBool(config, 'AssociatePublicIpAddress', false, 'Instances get public addresses', {
      absent: false,
    }),
  fix: {
    description: 'stop assigning public addresses (replaces the launch configuration)',
    safe: false,
    patch: (config) => removeProperty(config, 'AssociatePublicIpAddress'),
  },
});
