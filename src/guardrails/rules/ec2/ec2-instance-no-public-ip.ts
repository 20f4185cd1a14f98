import { defineTemplateRule } from '../../rule.ts';
import { eachItem, expectBool } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'ec2-instance-no-public-ip',
  title: 'EC2 instances do not get a public IP address',
  severity: 'warning',
  rationale:
    'An instance with a public address is one security group rule away from the internet; load balancers and NAT give access without it.',
  remediation:
    'Set AssociatePublicIpAddress to false and put the instance in a private subnet behind a load balancer.',
  references: ['CKV_AWS_88'],
  resourceTypes: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate'],
  check: (resource) => {
    const list =
      resource.type === 'AWS::EC2::Instance' ? 'NetworkInterfaces' : 'LaunchTemplateData.NetworkInterfaces';
    return eachItem(resource, list, (nic) =>
      expectBool(resource, `${nic}.AssociatePublicIpAddress`, false, 'The instance gets a public IP', {
        absent: false,
      }),
    );
  },
});
