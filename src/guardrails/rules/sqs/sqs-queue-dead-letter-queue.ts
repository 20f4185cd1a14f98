import type { JsonPatchOp } from '../../rule.ts';
import { defineTemplateRule } from '../../rule.ts';
import { expectPresent, PASS } from '../_support/check-result.ts';
import { mentionedUnder } from '../_support/mentions.ts';
import { setProperty, updateParams } from '../_support/template-patch.ts';

/** Properties through which queues, functions, rules, schedules and subscriptions name a dead-letter queue. */
const DLQ_KEYS = new Set(['RedrivePolicy', 'DeadLetterConfig', 'OnFailure', 'deadLetterTargetArn']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export default defineTemplateRule({
  id: 'sqs-queue-dead-letter-queue',
  title: 'SQS queues move poison messages to a dead-letter queue',
  severity: 'warning',
  rationale:
    'Without a redrive policy, a message that always fails is retried until it expires, blocking FIFO groups and hiding the failure.',
  remediation: 'Set RedrivePolicy with deadLetterTargetArn (another queue) and maxReceiveCount.',
  references: ['AwsSolutions-SQS3'],
  resourceTypes: ['AWS::SQS::Queue'],
  check: (queue, { index }) => {
    // A queue that other resources use as their dead-letter queue needs none of its own.
    if (index.referencedBy(queue.logicalId).some((r) => mentionedUnder(index, r, DLQ_KEYS, queue.logicalId)))
      return PASS;
    return expectPresent(queue, 'RedrivePolicy.deadLetterTargetArn', 'The queue has no dead-letter queue');
  },
  fix: {
    description: 'add a dead-letter queue (14-day retention) after 5 receives',
    safe: false,
    patch: (queue, { index }) => {
      let id = `${queue.logicalId}DeadLetterQueue`;
      for (let n = 2; index.resource(id) !== undefined; n++) id = `${queue.logicalId}DeadLetterQueue${n}`;
      const props = isRecord(queue.raw.Properties) ? queue.raw.Properties : {};
      const fifo = props.FifoQueue === true || props.FifoQueue === 'true';
      const ops: JsonPatchOp[] = [
        {
          op: 'add',
          path: `/Resources/${id}`,
          value: {
            Type: 'AWS::SQS::Queue',
            Properties: { MessageRetentionPeriod: 1209600, ...(fifo ? { FifoQueue: true } : {}) },
          },
        },
      ];
      return [
        ...ops,
        ...setProperty(queue, 'RedrivePolicy', {
          deadLetterTargetArn: { 'Fn::GetAtt': [id, 'Arn'] },
          maxReceiveCount: 5,
        }),
      ];
    },
    operations: (queue) => updateParams(queue, { dead_letter_queue: true }),
  },
});
