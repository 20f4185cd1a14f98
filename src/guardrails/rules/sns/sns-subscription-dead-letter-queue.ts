import { defineTemplateRule } from '../../rule.ts';
import { expectPresent } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'sns-subscription-dead-letter-queue',
  title: 'SNS subscriptions keep undeliverable messages in a dead-letter queue',
  severity: 'info',
  rationale:
    'When the endpoint keeps failing, SNS drops the message after its retries unless a redrive policy keeps it.',
  remediation: 'Set RedrivePolicy.deadLetterTargetArn to an SQS queue.',
  references: ['https://docs.aws.amazon.com/sns/latest/dg/sns-dead-letter-queues.html'],
  resourceTypes: ['AWS::SNS::Subscription'],
  check: (sub) =>
    expectPresent(sub, 'RedrivePolicy.deadLetterTargetArn', 'Undeliverable messages are dropped'),
});
