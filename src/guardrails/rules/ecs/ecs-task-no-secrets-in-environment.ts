import type { CheckResult } from '../../rule.ts';
import { defineTemplateRule } from '../../rule.ts';
import { combine, eachItem, fail, unknown } from '../_support/check-result.ts';
import { secretReason } from '../_support/secret-values.ts';

export default defineTemplateRule({
  id: 'ecs-task-no-secrets-in-environment',
  title: 'ECS container environment variables hold no plain-text secrets',
  severity: 'error',
  rationale:
    'Environment values are visible to anyone who can describe the task definition or read the template.',
  remediation:
    'Move the value to Secrets Manager or SSM Parameter Store and reference it under Secrets (ValueFrom).',
  references: ['AwsSolutions-ECS2'],
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  check: (task) =>
    eachItem(task, 'ContainerDefinitions', (c) => {
      const n = task.length(`${c}.Environment`);
      if (!n.known) return unknown(`${c}.Environment`, n.reason);
      const results: CheckResult[] = [];
      for (let i = 0; i < (n.value ?? 0); i++) {
        const name = task.get(`${c}.Environment.${i}.Name`);
        const value = task.get(`${c}.Environment.${i}.Value`);
        if (!name.known) {
          results.push(unknown(`${c}.Environment.${i}.Name`, name.reason));
          continue;
        }
        if (!value.known || typeof value.value !== 'string' || typeof name.value !== 'string') continue;
        const reason = secretReason(name.value, value.value);
        if (reason) {
          results.push(
            fail(
              `${c}.Environment.${i}.Value`,
              `Variable ${name.value} holds ${reason} in plain text; expected it under Secrets with ValueFrom`,
              '(redacted)',
              'a Secrets entry',
            ),
          );
        }
      }
      return combine(results);
    }),
});
