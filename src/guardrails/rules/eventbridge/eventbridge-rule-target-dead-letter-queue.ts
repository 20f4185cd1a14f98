import { defineTemplateRule } from '../../rule.ts';
import { eachItem, expectPresent } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'eventbridge-rule-target-dead-letter-queue',
  title: 'EventBridge rule targets keep undeliverable events in a dead-letter queue',
  severity: 'warning',
  rationale:
    'Events that cannot be delivered to a target after the retries are dropped unless the target has a dead-letter queue.',
  remediation: 'Set DeadLetterConfig.Arn on each target to an SQS queue (and a RetryPolicy that fits).',
  references: ['https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html'],
  resourceTypes: ['AWS::Events::Rule'],
  check: (rule) =>
    eachItem(rule, 'Targets', (target) =>
      expectPresent(rule, `${target}.DeadLetterConfig.Arn`, 'Undeliverable events are dropped'),
    ),
});
