import { type CfnValue, getAtt, ref, sub } from '../cfn.ts';
import { assumeRolePolicy, inlinePolicies, statement } from '../iam.ts';
import { defineKind, type PolicyStatement, type ResourceDraft } from '../kind-definition.ts';
import { logGroup } from '../log-group.ts';
import { param } from '../params.ts';
import { privateBucket } from '../s3-bucket.ts';

/** What the delivery stream's role needs on a bucket it writes objects to. */
export const FIREHOSE_S3_ACTIONS = {
  bucket: ['s3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads'],
  objects: ['s3:AbortMultipartUpload', 's3:GetObject', 's3:PutObject'],
};

const BACKUP = 'backup-bucket';

export default defineKind({
  kind: 'delivery_stream',
  title: 'Delivery stream',
  description:
    'A Kinesis Data Firehose delivery stream with its own role and error logging: records arrive by direct put (`publish` from compute, encrypted at rest) or from a Kinesis stream (`trigger` from a stream), are buffered, compressed and delivered to a bucket or an OpenSearch domain (`write` connections); a bucket of its own keeps what cannot be delivered (everything, when no destination is connected).',
  awsResources: [
    'AWS::KinesisFirehose::DeliveryStream',
    'AWS::IAM::Role',
    'AWS::Logs::LogGroup',
    'AWS::Logs::LogStream',
    'AWS::S3::Bucket',
  ],
  network: 'never',
  params: [
    param({
      name: 'buffer_interval_s',
      type: 'integer',
      unit: 's',
      description: 'Longest time records are buffered before delivery.',
      default: 300,
      min: 60,
      max: 900,
    }),
    param({
      name: 'buffer_size_mb',
      type: 'integer',
      unit: 'MB',
      description: 'Buffer size that triggers a delivery before the interval ends.',
      default: 5,
      min: 1,
      max: 100,
    }),
    param({
      name: 'compression',
      type: 'string',
      description: 'Compression of objects written to S3.',
      default: 'GZIP',
      allowed: ['GZIP', 'SNAPPY', 'ZIP', 'UNCOMPRESSED'],
    }),
    param({
      name: 'backup_retention_days',
      type: 'integer',
      unit: 'days',
      description: 'How long the delivery stream’s own bucket keeps records it could not deliver.',
      default: { dev: 14, staging: 30, prod: 90 },
      min: 1,
      max: 3650,
    }),
    param({
      name: 'ingest_gb_per_month',
      type: 'number',
      unit: 'GB/month',
      description: 'Cost assumption: data put into the delivery stream per month.',
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
            ['firehose:PutRecord', 'firehose:PutRecordBatch'],
            [getAtt(t.logicalId('delivery-stream'), 'Arn')],
          ),
        ],
        env: { [`${t.envPrefix}_DELIVERY_STREAM_NAME`]: ref(t.logicalId('delivery-stream')) },
      }),
    },
  },
  expand(ctx) {
    const { params } = ctx;
    const roleArn = getAtt(ctx.logicalId('role'), 'Arn');
    const logGroupId = ctx.logicalId('log-group');
    const logging = {
      Enabled: true,
      LogGroupName: ref(logGroupId),
      LogStreamName: ref(ctx.logicalId('log-stream')),
    };
    const buffering = {
      IntervalInSeconds: params.buffer_interval_s as number,
      SizeInMBs: params.buffer_size_mb as number,
    };
    const out: Record<string, ResourceDraft> = {};
    Object.assign(
      out,
      privateBucket(ctx, {
        role: BACKUP,
        versioning: true,
        lifecycleDays: params.backup_retention_days as number,
        accessLogs: true,
      }),
    );
    const backupArn = getAtt(ctx.logicalId(BACKUP), 'Arn');
    const statements: PolicyStatement[] = [
      statement('WriteErrorLogs', ['logs:PutLogEvents'], [getAtt(logGroupId, 'Arn')]),
      statement('BackupBucket', FIREHOSE_S3_ACTIONS.bucket, [backupArn]),
      statement('BackupObjects', FIREHOSE_S3_ACTIONS.objects, [sub(`\${${ctx.logicalId(BACKUP)}.Arn}/*`)]),
      ...ctx.inbound.statements,
    ];
    out['log-group'] = logGroup(ctx, `/aws/kinesisfirehose/${ctx.name()}`);
    out['log-stream'] = {
      Type: 'AWS::Logs::LogStream',
      Properties: { LogGroupName: ref(logGroupId), LogStreamName: 'delivery' },
    };
    out.role = {
      Type: 'AWS::IAM::Role',
      Properties: {
        Description: `Role of delivery stream ${ctx.id}`,
        AssumeRolePolicyDocument: assumeRolePolicy('firehose.amazonaws.com', true),
        Policies: inlinePolicies('deliver', statements),
      },
    };
    const properties: Record<string, CfnValue> = {
      DeliveryStreamName: ctx.name(),
      DeliveryStreamType: 'DirectPut',
      DeliveryStreamEncryptionConfigurationInput: { KeyType: 'AWS_OWNED_CMK' },
      ExtendedS3DestinationConfiguration: {
        BucketARN: backupArn,
        RoleARN: roleArn,
        Prefix: 'data/!{timestamp:yyyy/MM/dd}/',
        ErrorOutputPrefix: 'errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/',
        BufferingHints: buffering,
        CompressionFormat: params.compression as string,
        CloudWatchLoggingOptions: logging,
      },
    };
    out['delivery-stream'] = {
      Type: 'AWS::KinesisFirehose::DeliveryStream',
      Properties: properties,
    };
    ctx.output(`${ctx.id}-delivery-stream-name`, {
      Description: `Name of delivery stream ${ctx.id}`,
      Value: ref(ctx.logicalId('delivery-stream')),
    });
    return out;
  },
});
