import { defineTemplateRule } from '../../rule.ts';
import { eachItem, expectPresent } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'ecs-task-logging',
  title: 'ECS containers send their logs somewhere',
  severity: 'warning',
  rationale: 'Without a log configuration, container output is lost when the task stops.',
  remediation:
    'Set LogConfiguration (LogDriver awslogs with a log group, or awsfirelens) on every container.',
  references: ['AwsSolutions-ECS7'],
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  check: (task) =>
    eachItem(task, 'ContainerDefinitions', (c) =>
      expectPresent(task, `${c}.LogConfiguration.LogDriver`, 'Container logs are not collected'),
    ),
});
