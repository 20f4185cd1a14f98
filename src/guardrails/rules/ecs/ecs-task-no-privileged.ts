import { defineTemplateRule } from '../../rule.ts';
import { eachItem, expectBool } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'ecs-task-no-privileged',
  title: 'ECS containers do not run privileged',
  severity: 'error',
  rationale:
    'A privileged container has root access to the host, so a compromise of the container is a compromise of the instance and every task on it.',
  remediation:
    'Remove Privileged (or set it to false); grant specific LinuxParameters.Capabilities if the container needs them.',
  references: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-tasks-containers.html'],
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  check: (task) =>
    eachItem(task, 'ContainerDefinitions', (c) =>
      expectBool(task, `${c}.Privileged`, false, 'The container runs privileged', { absent: false }),
    ),
});
