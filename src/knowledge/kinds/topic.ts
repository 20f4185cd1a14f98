import { ref } from '../cfn.ts';
import { statement } from '../iam.ts';
import { defineKind } from '../kind-definition.ts';
import { param } from '../params.ts';
import { denyInsecureTransport } from '../tls-only.ts';

export default defineKind({
  kind: 'topic',
  title: 'Topic',
  description:
    'An SNS topic encrypted with KMS and a TLS-only topic policy; `trigger` connections subscribe functions or queues, `publish` connections grant sns:Publish on this topic only.',
  awsResources: ['AWS::SNS::Topic', 'AWS::SNS::TopicPolicy', 'AWS::SNS::Subscription'],
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
    return {
      topic: {
        Type: 'AWS::SNS::Topic',
        Properties: {
          TopicName: `${ctx.name(undefined, 250)}${fifo ? '.fifo' : ''}`,
          KmsMasterKeyId: 'alias/aws/sns',
          ...(fifo ? { FifoTopic: true, ContentBasedDeduplication: true } : {}),
        },
      },
      policy: {
        Type: 'AWS::SNS::TopicPolicy',
        Properties: {
          Topics: [ref(topicId)],
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [denyInsecureTransport('sns', [ref(topicId)])],
          },
        },
      },
    };
  },
});
