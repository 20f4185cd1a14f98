import { defineTemplateRule } from '../../rule.ts';
import { eachItem, expectNoneOf, expectPresent } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'ecs-task-non-root-user',
  title: 'ECS containers run as a non-root user',
  severity: 'info',
  rationale:
    'A process running as root inside the container has more ways to escape it and to damage mounted volumes.',
  remediation: 'Set User to a non-root user or UID (for example "1000" or "app"), matching the image.',
  references: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-tasks-containers.html'],
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  check: (task) =>
    eachItem(task, 'ContainerDefinitions', (c) => {
      const present = expectPresent(
        task,
        `${c}.User`,
        'The container runs as the image default user (often root)',
      );
      if (present.status !== 'pass') return present;
      return expectNoneOf(task, `${c}.User`, ['root', '0', '0:0', 'root:root'], 'The container runs as root');
    }),
});
