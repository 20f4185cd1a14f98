import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'ec2-subnet-no-auto-public-ip',
  title: 'Subnets do not give instances public IP addresses by default',
  severity: 'warning',
  rationale:
    'With MapPublicIpOnLaunch, every instance and task started in the subnet is reachable from the internet unless its security group says otherwise.',
  remediation:
    'Set MapPublicIpOnLaunch to false; load balancers and NAT gateways in public subnets do not need it.',
  references: ['CKV_AWS_130'],
  resourceTypes: ['AWS::EC2::Subnet'],
  check: (subnet) =>
    expectBool(subnet, 'MapPublicIpOnLaunch', false, 'Instances get public IPs', { absent: false }),
});
