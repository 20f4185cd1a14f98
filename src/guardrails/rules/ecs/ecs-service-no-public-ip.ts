import { defineTemplateRule } from '../../rule.ts';
import { expectNoneOf } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'ecs-service-no-public-ip',
  title: 'ECS services do not give tasks public IP addresses',
  severity: 'warning',
  rationale:
    'Tasks with public addresses are one security group rule away from the internet; a load balancer and NAT give access without them.',
  remediation:
    'Set NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp to DISABLED and run tasks in private subnets.',
  references: ['https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/networking-outbound.html'],
  resourceTypes: ['AWS::ECS::Service'],
  check: (service) =>
    expectNoneOf(
      service,
      'NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp',
      ['ENABLED'],
      'Tasks get public IPs',
    ),
  fix: {
    description:
      'stop assigning public IPs (tasks in public subnets then need NAT or endpoints to pull images)',
    safe: false,
    patch: (service) =>
      setProperty(service, 'NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp', 'DISABLED'),
  },
});
