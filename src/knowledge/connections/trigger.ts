import type { AccessMode } from '../../model/kinds.ts';
import { getAtt, ref } from '../cfn.ts';
import type { ConnectionContext, ConnectionFamily } from '../connection-family.ts';
import type { KindDefinition } from '../kind-definition.ts';
import { eventRule } from './event-rule.ts';
import { eventSourceMapping } from './event-source-mapping.ts';
import { allowQueueDelivery, lambdaPermission } from './resource-policy-delivery.ts';
import { schedule } from './schedule.ts';

/**
 * Event sources and the targets each can deliver to: event source mappings (queue, stream, table stream →
 * function), subscriptions (topic), EventBridge rules (bus, bucket), EventBridge Scheduler (cron). A source
 * feeding a target that is not compute goes through a pipe (see pipe.ts).
 */
const SOURCES: Readonly<Record<string, readonly string[]>> = {
  queue: ['function'],
  stream: ['function'],
  kv_table: ['function'],
  topic: ['function', 'queue'],
  event_bus: ['function', 'queue', 'workflow', 'topic', 'stream', 'worker'],
  bucket: ['function', 'queue', 'workflow', 'event_bus'],
  cron: ['function', 'workflow', 'queue', 'topic', 'worker'],
};

const TRIGGER: readonly AccessMode[] = ['trigger'];

/** A topic delivers to a function (with the invoke permission) or a queue (admitted by its policy). */
function subscription(ctx: ConnectionContext): void {
  const { from, to, contributions, logicalId } = ctx;
  const topicArn = ref(logicalId(from.id, 'topic'));
  const toFunction = to.definition.kind === 'function';
  contributions.resource(to.id, `subscription-${from.id}`, {
    Type: 'AWS::SNS::Subscription',
    Properties: toFunction
      ? { Protocol: 'lambda', TopicArn: topicArn, Endpoint: getAtt(logicalId(to.id, 'function'), 'Arn') }
      : {
          Protocol: 'sqs',
          TopicArn: topicArn,
          Endpoint: getAtt(logicalId(to.id, 'queue'), 'Arn'),
          RawMessageDelivery: true,
        },
  });
  if (toFunction) lambdaPermission(ctx, to.id, `permission-${from.id}`, 'sns.amazonaws.com', topicArn);
  else allowQueueDelivery(ctx, 'sns.amazonaws.com', topicArn);
}

/**
 * An event source triggers a target: event source mappings, subscriptions, EventBridge rules (a bucket's
 * events go to the default bus: with EventBridge notifications on), schedules; each with the invoke
 * permission, resource-policy grant or role it needs.
 */
export const trigger: ConnectionFamily = {
  name: 'trigger',
  modes(from: KindDefinition, to: KindDefinition) {
    return SOURCES[from.kind]?.includes(to.kind) ? TRIGGER : [];
  },
  apply(ctx) {
    const { from, contributions, logicalId } = ctx;
    switch (from.definition.kind) {
      case 'queue':
      case 'stream':
      case 'kv_table':
        return eventSourceMapping(ctx);
      case 'topic':
        return subscription(ctx);
      case 'event_bus':
        return eventRule(ctx, ref(logicalId(from.id, 'bus')), { source: [{ prefix: '' }] });
      case 'bucket':
        contributions.feature(from.id, 'eventbridge-notifications');
        return eventRule(ctx, null, {
          source: ['aws.s3'],
          'detail-type': ['Object Created'],
          detail: { bucket: { name: [ref(logicalId(from.id, 'bucket'))] } },
        });
      case 'cron':
        return schedule(ctx);
    }
  },
};
