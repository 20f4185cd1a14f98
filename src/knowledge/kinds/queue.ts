import { type CfnValue, getAtt, ref } from '../cfn.ts';
import { statement } from '../iam.ts';
import { defineKind, type ResourceDraft } from '../kind-definition.ts';
import { param } from '../params.ts';
import { denyInsecureTransport } from '../tls-only.ts';

export const QUEUE_CONSUME_ACTIONS = [
  'sqs:ChangeMessageVisibility',
  'sqs:DeleteMessage',
  'sqs:GetQueueAttributes',
  'sqs:ReceiveMessage',
];

export default defineKind({
  kind: 'queue',
  title: 'Queue',
  description:
    'An SQS queue with server-side encryption, a TLS-only queue policy and a dead-letter queue; consumers get receive/delete on this queue only, producers get send; `trigger` maps it to a function, or pipes it into a workflow, bus, queue or topic.',
  awsResources: ['AWS::SQS::Queue', 'AWS::SQS::QueuePolicy'],
  network: 'never',
  params: [
    param({
      name: 'fifo',
      type: 'boolean',
      description: 'First-in-first-out queue with exactly-once processing.',
      default: false,
    }),
    param({
      name: 'dead_letter_queue',
      type: 'boolean',
      description: 'Move messages that keep failing to a dead-letter queue.',
      default: true,
    }),
    param({
      name: 'max_receive_count',
      type: 'integer',
      description: 'Receives before a message moves to the dead-letter queue.',
      default: 5,
      min: 1,
      max: 1000,
    }),
    param({
      name: 'visibility_timeout_s',
      type: 'integer',
      unit: 's',
      description: 'How long a received message stays hidden.',
      default: 30,
      min: 0,
      max: 43200,
    }),
    param({
      name: 'retention_s',
      type: 'integer',
      unit: 's',
      description: 'How long messages are kept.',
      default: { dev: 345600, staging: 345600, prod: 1209600 },
      min: 60,
      max: 1209600,
    }),
    param({
      name: 'requests_per_month',
      type: 'integer',
      unit: 'requests/month',
      description: 'Cost assumption: API requests per month (send + receive + delete).',
      default: 3_000_000,
      min: 0,
      usage: true,
    }),
  ],
  data: {
    access: {
      publish: (t) => ({
        statements: [
          statement(
            t.sid('send'),
            ['sqs:GetQueueAttributes', 'sqs:SendMessage'],
            [getAtt(t.logicalId('queue'), 'Arn')],
          ),
        ],
        env: { [`${t.envPrefix}_QUEUE_URL`]: ref(t.logicalId('queue')) },
      }),
      consume: (t) => ({
        statements: [
          statement(t.sid('consume'), QUEUE_CONSUME_ACTIONS, [getAtt(t.logicalId('queue'), 'Arn')]),
        ],
        env: { [`${t.envPrefix}_QUEUE_URL`]: ref(t.logicalId('queue')) },
      }),
    },
  },
  expand(ctx) {
    const { params } = ctx;
    const fifo = params.fifo === true;
    const suffix = fifo ? '.fifo' : '';
    const out: Record<string, ResourceDraft> = {};
    const queue: Record<string, CfnValue> = {
      QueueName: `${ctx.name(undefined, 75)}${suffix}`,
      SqsManagedSseEnabled: true,
      VisibilityTimeout: params.visibility_timeout_s as number,
      MessageRetentionPeriod: params.retention_s as number,
    };
    if (fifo) queue.FifoQueue = true;
    if (params.dead_letter_queue) {
      const dlq: Record<string, CfnValue> = {
        QueueName: `${ctx.name('dlq', 75)}${suffix}`,
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 1209600,
      };
      if (fifo) dlq.FifoQueue = true;
      out.dlq = { Type: 'AWS::SQS::Queue', ...ctx.statefulPolicy(), Properties: dlq };
      queue.RedrivePolicy = {
        deadLetterTargetArn: getAtt(ctx.logicalId('dlq'), 'Arn'),
        maxReceiveCount: params.max_receive_count as number,
      };
    }
    out.queue = { Type: 'AWS::SQS::Queue', ...ctx.statefulPolicy(), Properties: queue };
    const queues: CfnValue[] = [ref(ctx.logicalId('queue'))];
    const arns: CfnValue[] = [getAtt(ctx.logicalId('queue'), 'Arn')];
    if (params.dead_letter_queue) {
      queues.push(ref(ctx.logicalId('dlq')));
      arns.push(getAtt(ctx.logicalId('dlq'), 'Arn'));
    }
    out.policy = {
      Type: 'AWS::SQS::QueuePolicy',
      Properties: {
        Queues: queues,
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [denyInsecureTransport('sqs', arns), ...ctx.inbound.resourcePolicy],
        },
      },
    };
    ctx.output(`${ctx.id}-queue-url`, {
      Description: `URL of queue ${ctx.id}`,
      Value: ref(ctx.logicalId('queue')),
    });
    return out;
  },
});
