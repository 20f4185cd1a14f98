import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS } from '../_support/check-result.ts';
import { rawAt } from '../_support/policy-statements.ts';

export default defineTemplateRule({
  id: 'ecs-task-distinct-roles',
  title: 'ECS tasks use different roles for the agent and the application',
  severity: 'warning',
  rationale:
    'The execution role pulls images and reads secrets for the ECS agent; giving the same role to the application hands it every secret of the task.',
  remediation:
    'Use one role for ExecutionRoleArn (image pull, logs, secrets) and another, least-privilege role for TaskRoleArn.',
  references: ['CKV_AWS_249'],
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  check: (task) => {
    const execution = rawAt(task, 'ExecutionRoleArn');
    const taskRole = rawAt(task, 'TaskRoleArn');
    if (execution === undefined || taskRole === undefined) return PASS;
    if (JSON.stringify(execution) !== JSON.stringify(taskRole)) return PASS;
    return fail(
      'TaskRoleArn',
      'TaskRoleArn is the same role as ExecutionRoleArn; expected a separate application role',
      taskRole,
      'a different role',
    );
  },
});
