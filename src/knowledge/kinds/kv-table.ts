import { type CfnValue, getAtt, ref, sub } from '../cfn.ts';
import { statement } from '../iam.ts';
import { defineKind, type Grant, type TargetRef } from '../kind-definition.ts';
import { deletionProtectionParam } from '../deletion-protection.ts';
import { param } from '../params.ts';

const READ = [
  'dynamodb:BatchGetItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
];
const WRITE = ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];

/** The feature a connection reading the table's changes switches on: the table's DynamoDB stream. */
export const TABLE_STREAM = 'table-stream';

/** What a reader of the table's stream (an event source mapping, a pipe) needs, on the stream only. */
export const TABLE_STREAM_READ_ACTIONS = [
  'dynamodb:DescribeStream',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:ListStreams',
];

function tableGrant(target: TargetRef, purpose: string, actions: string[]): Grant {
  const table = getAtt(target.logicalId('table'), 'Arn');
  return {
    statements: [
      statement(target.sid(purpose), actions, [table, sub(`\${${target.logicalId('table')}.Arn}/index/*`)]),
    ],
    env: { [`${target.envPrefix}_TABLE_NAME`]: ref(target.logicalId('table')) },
  };
}

export default defineKind({
  kind: 'kv_table',
  title: 'Key-value table',
  description:
    'A DynamoDB table (on-demand by default) encrypted with KMS, point-in-time recovery on, deletion protection and retention (`deletion_protection`, on in prod). Read grants Get/Query/Scan/BatchGet on the table and its indexes only. A `trigger` connection turns on its DynamoDB stream (new and old images): to a function through an event source mapping with a failure queue, to a workflow, bus, queue or topic through a pipe.',
  awsResources: ['AWS::DynamoDB::Table'],
  network: 'never',
  params: [
    param({
      name: 'billing_mode',
      type: 'string',
      description: 'On-demand or provisioned capacity.',
      default: 'PAY_PER_REQUEST',
      allowed: ['PAY_PER_REQUEST', 'PROVISIONED'],
    }),
    param({
      name: 'partition_key',
      type: 'string',
      description: 'Partition key attribute (string).',
      default: 'pk',
      pattern: '^[A-Za-z0-9_.-]{1,255}$',
    }),
    param({
      name: 'sort_key',
      type: 'string',
      description: 'Sort key attribute (string); null for none.',
      default: 'sk',
      pattern: '^[A-Za-z0-9_.-]{1,255}$',
    }),
    param({
      name: 'read_capacity',
      type: 'integer',
      unit: 'RCU',
      description: 'Provisioned read capacity (PROVISIONED only).',
      default: 5,
      min: 1,
      max: 40000,
    }),
    param({
      name: 'write_capacity',
      type: 'integer',
      unit: 'WCU',
      description: 'Provisioned write capacity (PROVISIONED only).',
      default: 5,
      min: 1,
      max: 40000,
    }),
    param({
      name: 'point_in_time_recovery',
      type: 'boolean',
      description: 'Continuous backups for 35 days.',
      default: true,
    }),
    deletionProtectionParam,
    param({
      name: 'ttl_attribute',
      type: 'string',
      description: 'Attribute holding an expiry epoch time; null for none.',
      default: null,
      pattern: '^[A-Za-z0-9_.-]{1,255}$',
    }),
    param({
      name: 'reads_per_month',
      type: 'integer',
      unit: 'reads/month',
      description: 'Cost assumption: read requests per month.',
      default: 10_000_000,
      min: 0,
      usage: true,
    }),
    param({
      name: 'writes_per_month',
      type: 'integer',
      unit: 'writes/month',
      description: 'Cost assumption: write requests per month.',
      default: 1_000_000,
      min: 0,
      usage: true,
    }),
    param({
      name: 'storage_gb',
      type: 'number',
      unit: 'GB',
      description: 'Cost assumption: data stored.',
      default: 10,
      min: 0,
      usage: true,
    }),
  ],
  data: {
    access: {
      read: (t) => tableGrant(t, 'read', READ),
      write: (t) => tableGrant(t, 'write', WRITE),
      readwrite: (t) => tableGrant(t, 'read-write', [...READ, ...WRITE]),
    },
  },
  expand(ctx) {
    const { params } = ctx;
    const keys: CfnValue[] = [{ AttributeName: params.partition_key as string, KeyType: 'HASH' }];
    const attributes: CfnValue[] = [{ AttributeName: params.partition_key as string, AttributeType: 'S' }];
    if (params.sort_key !== null) {
      keys.push({ AttributeName: params.sort_key as string, KeyType: 'RANGE' });
      attributes.push({ AttributeName: params.sort_key as string, AttributeType: 'S' });
    }
    const properties: Record<string, CfnValue> = {
      TableName: ctx.name(),
      BillingMode: params.billing_mode as string,
      KeySchema: keys,
      AttributeDefinitions: attributes,
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      PointInTimeRecoverySpecification: {
        PointInTimeRecoveryEnabled: params.point_in_time_recovery as boolean,
      },
      DeletionProtectionEnabled: params.deletion_protection as boolean,
    };
    if (params.billing_mode === 'PROVISIONED') {
      properties.ProvisionedThroughput = {
        ReadCapacityUnits: params.read_capacity as number,
        WriteCapacityUnits: params.write_capacity as number,
      };
    }
    if (ctx.inbound.features.includes(TABLE_STREAM))
      properties.StreamSpecification = { StreamViewType: 'NEW_AND_OLD_IMAGES' };
    if (params.ttl_attribute !== null) {
      properties.TimeToLiveSpecification = { AttributeName: params.ttl_attribute as string, Enabled: true };
    }
    // A protected table is also kept when it leaves the stack.
    const retain = params.deletion_protection === true;
    const policy = retain
      ? ({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' } as const)
      : ctx.statefulPolicy();
    return { table: { Type: 'AWS::DynamoDB::Table', ...policy, Properties: properties } };
  },
});
