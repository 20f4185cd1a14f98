import { defineTemplateRule } from '../../rule.ts';
import { eachItem, expectBool } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'ecs-task-readonly-root-filesystem',
  title: 'ECS containers have a read-only root file system',
  severity: 'warning',
  rationale:
    'A writable root file system lets an attacker who gets code execution modify binaries and persist in the container.',
  remediation:
    'Set ReadonlyRootFilesystem to true and mount volumes for the paths the application writes to.',
  references: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-tasks-containers.html'],
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  check: (task) =>
    eachItem(task, 'ContainerDefinitions', (c) =>
      expectBool(task, `${c}.ReadonlyRootFilesystem`, true, 'The root file system is writable', {
        absent: false,
      }),
    ),
});
