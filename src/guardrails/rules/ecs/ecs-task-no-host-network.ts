import { defineTemplateRule } from '../../rule.ts';
import { expectNoneOf } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'ecs-task-no-host-network',
  title: 'ECS tasks do not use the host network mode',
  severity: 'warning',
  rationale:
    'In host mode containers share the instance network stack: no per-task security group, and access to the instance metadata service and host ports.',
  remediation:
    'Use NetworkMode awsvpc (required on Fargate) so each task gets its own interface and security group.',
  references: ['https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/security-network.html'],
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  check: (task) => expectNoneOf(task, 'NetworkMode', ['host'], 'Tasks share the host network'),
});
