import { defineTemplateRule } from '../../rule.ts';
import { expectPresent } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'eventbridge-schedule-dead-letter-queue',
  title: 'EventBridge Scheduler schedules keep failed invocations in a dead-letter queue',
  severity: 'warning',
  rationale:
    'A scheduled job whose target fails after the retries is silently skipped unless the schedule has a dead-letter queue.',
  remediation: 'Set Target.DeadLetterConfig.Arn to an SQS queue.',
  references: ['https://docs.aws.amazon.com/scheduler/latest/UserGuide/configuring-schedule-dlq.html'],
  resourceTypes: ['AWS::Scheduler::Schedule'],
  check: (schedule) =>
    expectPresent(schedule, 'Target.DeadLetterConfig.Arn', 'Failed scheduled invocations are dropped'),
});
