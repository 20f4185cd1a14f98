import { defineTemplateRule } from '../../rule.ts';
import { expectPresent } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'lambda-dead-letter-queue',
  title: 'Lambda functions have a dead-letter queue for failed asynchronous invocations',
  severity: 'info',
  rationale:
    'Events from asynchronous invocations (S3, SNS, EventBridge) that still fail after retries are dropped unless a dead-letter queue keeps them.',
  remediation:
    'Set DeadLetterConfig.TargetArn to an SQS queue or SNS topic (or configure an on-failure destination).',
  references: ['CKV_AWS_116'],
  resourceTypes: ['AWS::Lambda::Function'],
  check: (fn) => expectPresent(fn, 'DeadLetterConfig.TargetArn', 'Failed asynchronous events are dropped'),
});
