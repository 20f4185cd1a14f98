import { type CfnValue, getAtt, ref } from '../cfn.ts';
import { statement } from '../iam.ts';
import { defineKind } from '../kind-definition.ts';
import { param } from '../params.ts';

export const STREAM_READ_ACTIONS = [
  'kinesis:DescribeStream',
  'kinesis:DescribeStreamSummary',
  'kinesis:GetRecords',
  'kinesis:GetShardIterator',
  'kinesis:ListShards',
  'kinesis:SubscribeToShard',
];

export default defineKind({
  kind: 'stream',
  title: 'Stream',
  description:
    'A Kinesis data stream (on-demand by default) encrypted with KMS; `publish` grants PutRecord(s), `consume` grants shard reads on this stream only, `trigger` adds a Lambda event source mapping (with a failure queue), a pipe into a workflow, bus, queue or topic, or makes it the source of a delivery stream.',
  awsResources: ['AWS::Kinesis::Stream'],
  network: 'never',
  params: [
    param({
      name: 'mode',
      type: 'string',
      description: 'Capacity mode.',
      default: 'ON_DEMAND',
      allowed: ['ON_DEMAND', 'PROVISIONED'],
    }),
    param({
      name: 'shards',
      type: 'integer',
      description: 'Shard count (PROVISIONED only).',
      default: 1,
      min: 1,
      max: 500,
    }),
    param({
      name: 'retention_hours',
      type: 'integer',
      unit: 'hours',
      description: 'How long records are kept.',
      default: { dev: 24, staging: 24, prod: 168 },
      min: 24,
      max: 8760,
    }),
    param({
      name: 'ingest_gb_per_month',
      type: 'number',
      unit: 'GB/month',
      description: 'Cost assumption: data written per month.',
      default: 10,
      min: 0,
      usage: true,
    }),
  ],
  data: {
    access: {
      publish: (t) => ({
        statements: [
          statement(
            t.sid('put-records'),
            [
              'kinesis:DescribeStreamSummary',
              'kinesis:ListShards',
              'kinesis:PutRecord',
              'kinesis:PutRecords',
            ],
            [getAtt(t.logicalId('stream'), 'Arn')],
          ),
        ],
        env: { [`${t.envPrefix}_STREAM_NAME`]: ref(t.logicalId('stream')) },
      }),
      consume: (t) => ({
        statements: [statement(t.sid('read'), STREAM_READ_ACTIONS, [getAtt(t.logicalId('stream'), 'Arn')])],
        env: { [`${t.envPrefix}_STREAM_NAME`]: ref(t.logicalId('stream')) },
      }),
    },
  },
  expand(ctx) {
    const provisioned = ctx.params.mode === 'PROVISIONED';
    const properties: Record<string, CfnValue> = {
      Name: ctx.name(),
      RetentionPeriodHours: ctx.params.retention_hours as number,
      StreamModeDetails: { StreamMode: ctx.params.mode as string },
      StreamEncryption: { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' },
    };
    if (provisioned) properties.ShardCount = ctx.params.shards as number;
    return { stream: { Type: 'AWS::Kinesis::Stream', ...ctx.statefulPolicy(), Properties: properties } };
  },
});
