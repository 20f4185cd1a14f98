import { type CfnValue, getAtt, ref, sub } from '../cfn.ts';
import { ExpansionError } from '../expansion-error.ts';
import { assumeRolePolicy, inlinePolicies, statement } from '../iam.ts';
import {
  type ComponentLink,
  defineKind,
  type PolicyStatement,
  type RefineInput,
  type ResourceDraft,
  type TargetRef,
} from '../kind-definition.ts';
import { logGroup } from '../log-group.ts';
import { param } from '../params.ts';
import { privateBucket } from '../s3-bucket.ts';
import { securityGroup } from '../security-group.ts';

/** What the delivery stream's role needs on a bucket it writes objects to. */
export const FIREHOSE_S3_ACTIONS = {
  bucket: ['s3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads'],
  objects: ['s3:AbortMultipartUpload', 's3:GetObject', 's3:PutObject'],
};

const BACKUP = 'backup-bucket';

/**
 * What the delivery stream's role needs on an OpenSearch domain: describe it, write documents, and read the
 * few cluster and index paths Firehose checks (nothing else of the domain).
 */
export function firehoseSearchStatements(domain: TargetRef, index: string): PolicyStatement[] {
  const arn = domain.logicalId('domain');
  const path = (p: string) => sub(`\${${arn}.Arn}/${p}`);
  return [
    statement(
      domain.sid('deliver'),
      ['es:DescribeDomain', 'es:DescribeDomainConfig', 'es:DescribeDomains', 'es:ESHttpPost', 'es:ESHttpPut'],
      [getAtt(arn, 'Arn'), path('*')],
    ),
    statement(
      domain.sid('check'),
      ['es:ESHttpGet'],
      [
        path('_all/_settings'),
        path('_cluster/stats'),
        path(`${index}*/_mapping/*`),
        path('_nodes'),
        path('_nodes/stats'),
        path('_nodes/*/stats'),
        path('_stats'),
        path(`${index}*/_stats`),
      ],
    ),
  ];
}

/** Ids of the links of one kind of access with one kind at the other end. */
const peers = (
  links: readonly ComponentLink[],
  access: string,
  kinds: readonly string[],
  end: 'from' | 'to',
) =>
  links
    .filter((l) => l.connection.access === access && kinds.includes(l.peerKind))
    .map((l) => l.connection[end]);

/**
 * A delivery stream has one source (direct put, or one Kinesis stream: Firehose refuses direct puts to a
 * stream-fed delivery stream) and at most one bucket and one OpenSearch domain.
 */
function refine({ id, params, incoming, outgoing }: RefineInput) {
  const streams = peers(incoming, 'trigger', ['stream'], 'from');
  const putters = incoming.filter((l) => l.connection.access === 'publish').map((l) => l.connection.from);
  const fail = (message: string) => {
    throw new ExpansionError(`delivery stream "${id}" ${message}`, { extensions: { component: id } });
  };
  if (streams.length > 1)
    fail(`reads one Kinesis stream; it has ${streams.length} (${streams.join(', ')}): keep one`);
  if (streams.length === 1 && putters.length > 0)
    fail(
      `reads Kinesis stream "${streams[0]}", so it cannot also take direct puts from ${putters.join(', ')}: publish to the stream instead`,
    );
  for (const kind of ['bucket', 'search']) {
    const targets = peers(outgoing, 'write', [kind], 'to');
    if (targets.length > 1)
      fail(`delivers to one ${kind}; it has ${targets.length} (${targets.join(', ')}): keep one`);
  }
  return params.index_name === null ? { ...params, index_name: id } : params;
}

export default defineKind({
  kind: 'delivery_stream',
  title: 'Delivery stream',
  description:
    'A Kinesis Data Firehose delivery stream with its own role and error logging: records arrive by direct put (`publish` from compute, encrypted at rest) or from one Kinesis stream (`trigger` from a stream), are buffered, compressed and delivered to a bucket and/or an OpenSearch domain (`write` connections; with both, the domain gets the documents and the bucket a copy of every record). A bucket of its own keeps what cannot be delivered (every record, when no destination is connected).',
  awsResources: [
    'AWS::KinesisFirehose::DeliveryStream',
    'AWS::IAM::Role',
    'AWS::Logs::LogGroup',
    'AWS::Logs::LogStream',
    'AWS::S3::Bucket',
  ],
  network: 'when-connected',
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
      name: 'index_name',
      type: 'string',
      description: 'OpenSearch index documents go to (rotated daily); null for the component id.',
      default: null,
      pattern: '^[a-z0-9][a-z0-9_-]{0,200}$',
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
  refine,
  expand(ctx) {
    const { params, inbound } = ctx;
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
    const bucket = inbound.deliveryDestinations.find((d) => d.kind === 'bucket');
    const search = inbound.deliveryDestinations.find((d) => d.kind === 'search');
    const source = inbound.deliverySources[0];
    const out: Record<string, ResourceDraft> = {};
    const statements: PolicyStatement[] = [
      statement('WriteErrorLogs', ['logs:PutLogEvents'], [getAtt(logGroupId, 'Arn')]),
      ...inbound.statements,
    ];
    // The bucket of its own: what cannot be delivered, or everything when nothing else receives it.
    let s3Arn: CfnValue;
    if (bucket) s3Arn = bucket.arn;
    else {
      Object.assign(
        out,
        privateBucket(ctx, {
          role: BACKUP,
          versioning: true,
          lifecycleDays: params.backup_retention_days as number,
          accessLogs: true,
        }),
      );
      s3Arn = getAtt(ctx.logicalId(BACKUP), 'Arn');
      statements.push(
        statement('BackupBucket', FIREHOSE_S3_ACTIONS.bucket, [s3Arn]),
        statement('BackupObjects', FIREHOSE_S3_ACTIONS.objects, [sub(`\${${ctx.logicalId(BACKUP)}.Arn}/*`)]),
      );
    }
    const s3 = {
      BucketARN: s3Arn,
      RoleARN: roleArn,
      Prefix: 'data/!{timestamp:yyyy/MM/dd}/',
      ErrorOutputPrefix: 'errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/',
      BufferingHints: buffering,
      CompressionFormat: params.compression as string,
      CloudWatchLoggingOptions: logging,
    };
    out['log-group'] = logGroup(ctx, `/aws/kinesisfirehose/${ctx.name()}`);
    out['log-stream'] = {
      Type: 'AWS::Logs::LogStream',
      Properties: { LogGroupName: ref(logGroupId), LogStreamName: 'delivery' },
    };
    const properties: Record<string, CfnValue> = { DeliveryStreamName: ctx.name() };
    if (source) {
      // Records stay encrypted by the stream; Firehose refuses its own encryption setting here.
      properties.DeliveryStreamType = 'KinesisStreamAsSource';
      properties.KinesisStreamSourceConfiguration = { KinesisStreamARN: source.arn, RoleARN: roleArn };
    } else {
      properties.DeliveryStreamType = 'DirectPut';
      properties.DeliveryStreamEncryptionConfigurationInput = { KeyType: 'AWS_OWNED_CMK' };
    }
    if (search) {
      // Firehose puts network interfaces into the VPC to reach the domain; their ids are unknown in advance.
      statements.push(
        statement(
          'ManageVpcNetworkInterfaces',
          [
            'ec2:CreateNetworkInterface',
            'ec2:DeleteNetworkInterface',
            'ec2:DescribeNetworkInterfaces',
            'ec2:DescribeSecurityGroups',
            'ec2:DescribeSubnets',
            'ec2:DescribeVpcAttribute',
            'ec2:DescribeVpcs',
          ],
          ['*'],
        ),
        statement(
          'ShareVpcNetworkInterfaces',
          ['ec2:CreateNetworkInterfacePermission'],
          [sub(`arn:\${AWS::Partition}:ec2:\${AWS::Region}:\${AWS::AccountId}:network-interface/*`)],
        ),
      );
      out.sg = securityGroup(ctx, inbound, { description: `Delivery stream ${ctx.id}`, egressHttps: false });
      properties.AmazonopensearchserviceDestinationConfiguration = {
        DomainARN: search.arn,
        IndexName: params.index_name as string,
        IndexRotationPeriod: 'OneDay',
        RoleARN: roleArn,
        BufferingHints: buffering,
        RetryOptions: { DurationInSeconds: 300 },
        CloudWatchLoggingOptions: logging,
        S3BackupMode: bucket ? 'AllDocuments' : 'FailedDocumentsOnly',
        S3Configuration: s3,
        VpcConfiguration: {
          RoleARN: roleArn,
          SubnetIds: ctx.network().privateSubnets,
          SecurityGroupIds: [getAtt(ctx.logicalId('sg'), 'GroupId')],
        },
      };
    } else {
      properties.ExtendedS3DestinationConfiguration = s3;
    }
    out.role = {
      Type: 'AWS::IAM::Role',
      Properties: {
        Description: `Role of delivery stream ${ctx.id}`,
        AssumeRolePolicyDocument: assumeRolePolicy('firehose.amazonaws.com', true),
        Policies: inlinePolicies('deliver', statements),
      },
    };
    out['delivery-stream'] = { Type: 'AWS::KinesisFirehose::DeliveryStream', Properties: properties };
    ctx.output(`${ctx.id}-delivery-stream-name`, {
      Description: `Name of delivery stream ${ctx.id}`,
      Value: ref(ctx.logicalId('delivery-stream')),
    });
    return out;
  },
});
