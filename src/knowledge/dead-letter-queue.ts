import { type CfnObject, type CfnValue, getAtt, ref } from './cfn.ts';
import type { ResourceDraft } from './kind-definition.ts';
import { denyInsecureTransport } from './tls-only.ts';

/**
 * A queue holding what a rule, schedule, pipe or event source mapping could not deliver, kept 14 days,
 * encrypted, TLS only; `allow` adds statements for services that write to it with their own identity.
 * `queueId` is the logical id the two drafts will get for the queue.
 */
export function deadLetterQueue(
  queueId: string,
  options: { name?: CfnValue; allow?: CfnObject[] } = {},
): { queue: ResourceDraft; policy: ResourceDraft } {
  const arn = getAtt(queueId, 'Arn');
  return {
    queue: {
      Type: 'AWS::SQS::Queue',
      Properties: {
        ...(options.name === undefined ? {} : { QueueName: options.name }),
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 1209600,
      },
    },
    policy: {
      Type: 'AWS::SQS::QueuePolicy',
      Properties: {
        Queues: [ref(queueId)],
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [denyInsecureTransport('sqs', [arn]), ...(options.allow ?? [])],
        },
      },
    },
  };
}
