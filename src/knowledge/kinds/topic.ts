import { type CfnValue, getAtt, ref } from '../cfn.ts';
import { statement } from '../iam.ts';
import { defineKind, type ResourceDraft } from '../kind-definition.ts';
import { kmsKey } from '../kms-key.ts';
import { param } from '../params.ts';
import { denyInsecureTransport } from '../tls-only.ts';

/**
 * The feature a connection switches on when an AWS service publishes to the topic with its own identity
 * (an EventBridge rule): the topic's policy admits it, and the topic encrypts with a key of its own.
 */
export const SERVICE_PUBLISHERS = 'service-publishers';

/** The services named as principals in the topic policy's statements. */
function servicePrincipals(statements: readonly Record<string, CfnValue>[]): string[] {
  const services = new Set<string>();
  for (const s of statements) {
    const principal = s.Principal;
    if (principal && typeof principal === 'object' && !Array.isArray(principal)) {
      const service = (principal as Record<string, CfnValue>).Service;
      if (typeof service === 'string') services.add(service);
    }
  }
  return [...services].sort();
}

export default defineKind({
  kind: 'topic',
  title: 'Topic',
  description:
    'An SNS topic encrypted with KMS and a TLS-only topic policy; `trigger` connections subscribe functions or queues, `publish` connections grant sns:Publish on this topic only. When an EventBridge rule publishes to it, its policy admits that rule only and it encrypts with a key of its own that EventBridge may use.',
  awsResources: ['AWS::SNS::Topic', 'AWS::SNS::TopicPolicy', 'AWS::SNS::Subscription', 'AWS::KMS::Key'],
  network: 'never',
  params: [
    param({
      name: 'fifo',
      type: 'boolean',
      description: 'FIFO topic (ordered, deduplicated; only FIFO queues can subscribe).',
      default: false,
    }),
    param({
      name: 'messages_per_month',
      type: 'integer',
      unit: 'messages/month',
      description: 'Cost assumption: messages published per month.',
      default: 1_000_000,
      min: 0,
      usage: true,
    }),
  ],
  data: {
    access: {
      publish: (t) => ({
        statements: [statement(t.sid('publish'), ['sns:Publish'], [ref(t.logicalId('topic'))])],
        env: { [`${t.envPrefix}_TOPIC_ARN`]: ref(t.logicalId('topic')) },
      }),
    },
  },
  expand(ctx) {
    const fifo = ctx.params.fifo === true;
    const topicId = ctx.logicalId('topic');
    const out: Record<string, ResourceDraft> = {};
    let keyId: CfnValue = 'alias/aws/sns';
    if (ctx.inbound.features.includes(SERVICE_PUBLISHERS)) {
      const services = servicePrincipals(ctx.inbound.resourcePolicy);
      out.key = kmsKey(ctx, `Encryption of topic ${ctx.id}`, [
        {
          // In a key policy, Resource "*" means this key.
          Sid: 'AllowServicePublishers',
          Effect: 'Allow',
          Principal: { Service: services.length === 1 ? services[0]! : services },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
          Resource: '*',
          Condition: { StringEquals: { 'aws:SourceAccount': ref('AWS::AccountId') } },
        },
      ]);
      keyId = getAtt(ctx.logicalId('key'), 'Arn');
    }
    out.topic = {
      Type: 'AWS::SNS::Topic',
      Properties: {
        TopicName: `${ctx.name(undefined, 250)}${fifo ? '.fifo' : ''}`,
        KmsMasterKeyId: keyId,
        ...(fifo ? { FifoTopic: true, ContentBasedDeduplication: true } : {}),
      },
    };
    out.policy = {
      Type: 'AWS::SNS::TopicPolicy',
      Properties: {
        Topics: [ref(topicId)],
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [denyInsecureTransport('sns', [ref(topicId)]), ...ctx.inbound.resourcePolicy],
        },
      },
    };
    return out;
  },
});
