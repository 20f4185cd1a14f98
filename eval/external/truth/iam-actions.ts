import type { EvalKind } from '../../eval-vocabulary.ts';

/** What an action does to a resource of some kind: data access, or a message, an invocation, a poll. */
export type Use = 'read' | 'write' | 'readwrite' | 'publish' | 'consume' | 'invoke';

export type UsesByKind = Partial<Record<EvalKind, Use>>;

/**
 * IAM actions (service prefix, action names) and what each means for the connection from the compute that
 * holds the permission to the resource it names. Actions not listed (Describe*, List*, tagging, config)
 * make no connection. Step Functions service integrations are read through the same table.
 */
const ACTIONS: readonly { service: string; actions: readonly string[]; to: UsesByKind }[] = [
  {
    service: 'dynamodb',
    actions: ['GetItem', 'BatchGetItem', 'Query', 'Scan', 'ConditionCheckItem', 'PartiQLSelect'],
    to: { kv_table: 'read' },
  },
  {
    service: 'dynamodb',
    actions: [
      'PutItem',
      'UpdateItem',
      'DeleteItem',
      'BatchWriteItem',
      'PartiQLInsert',
      'PartiQLUpdate',
      'PartiQLDelete',
    ],
    to: { kv_table: 'write' },
  },
  {
    service: 's3',
    actions: [
      'GetObject',
      'GetObjectVersion',
      'GetObjectAttributes',
      'ListBucket',
      'ListBucketVersions',
      'ListObjectsV2',
    ],
    to: { bucket: 'read', static_site: 'read' },
  },
  {
    service: 's3',
    actions: [
      'PutObject',
      'DeleteObject',
      'DeleteObjectVersion',
      'AbortMultipartUpload',
      'RestoreObject',
      'CopyObject',
    ],
    to: { bucket: 'write', static_site: 'write' },
  },
  { service: 'sqs', actions: ['SendMessage', 'SendMessageBatch'], to: { queue: 'publish' } },
  {
    service: 'sqs',
    actions: ['ReceiveMessage', 'DeleteMessage', 'DeleteMessageBatch', 'ChangeMessageVisibility'],
    to: { queue: 'consume' },
  },
  { service: 'sns', actions: ['Publish'], to: { topic: 'publish' } },
  { service: 'events', actions: ['PutEvents'], to: { event_bus: 'publish' } },
  { service: 'kinesis', actions: ['PutRecord', 'PutRecords'], to: { stream: 'publish' } },
  {
    service: 'kinesis',
    actions: ['GetRecords', 'GetShardIterator', 'SubscribeToShard'],
    to: { stream: 'consume' },
  },
  { service: 'firehose', actions: ['PutRecord', 'PutRecordBatch'], to: { delivery_stream: 'publish' } },
  { service: 'states', actions: ['StartExecution', 'StartSyncExecution'], to: { workflow: 'invoke' } },
  { service: 'lambda', actions: ['InvokeFunction', 'InvokeAsync', 'Invoke'], to: { function: 'invoke' } },
  // A database's generated secret is the database: reading it is how compute connects.
  {
    service: 'secretsmanager',
    actions: ['GetSecretValue'],
    to: { secret: 'read', postgres: 'readwrite', mysql: 'readwrite' },
  },
  {
    service: 'ses',
    actions: ['SendEmail', 'SendRawEmail', 'SendTemplatedEmail', 'SendBulkTemplatedEmail', 'SendBulkEmail'],
    to: { email: 'publish' },
  },
  { service: 'es', actions: ['ESHttpGet', 'ESHttpHead'], to: { search: 'read' } },
  {
    service: 'es',
    actions: ['ESHttpPost', 'ESHttpPut', 'ESHttpDelete', 'ESHttpPatch'],
    to: { search: 'write' },
  },
  { service: 'aoss', actions: ['APIAccessAll'], to: { search: 'readwrite' } },
  { service: 'elasticfilesystem', actions: ['ClientMount'], to: { file_system: 'read' } },
  { service: 'elasticfilesystem', actions: ['ClientWrite'], to: { file_system: 'write' } },
  {
    service: 'rds-data',
    actions: ['ExecuteStatement', 'BatchExecuteStatement', 'BeginTransaction', 'CommitTransaction'],
    to: { postgres: 'readwrite', mysql: 'readwrite' },
  },
  { service: 'rds-db', actions: ['connect'], to: { postgres: 'readwrite', mysql: 'readwrite' } },
  { service: 'elasticache', actions: ['Connect'], to: { cache: 'readwrite' } },
  { service: 'memorydb', actions: ['Connect'], to: { cache: 'readwrite' } },
  { service: 'ecr', actions: ['BatchGetImage', 'GetDownloadUrlForLayer'], to: { registry: 'read' } },
  {
    service: 'ecr',
    actions: ['PutImage', 'InitiateLayerUpload', 'UploadLayerPart', 'CompleteLayerUpload'],
    to: { registry: 'write' },
  },
];

function globToRegExp(glob: string): RegExp {
  const source = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'i');
}

/** Uses granted by one IAM action (`dynamodb:PutItem`, `s3:Get*`, `sqs:*`); a bare `*` grants nothing here. */
export function actionUses(action: string): UsesByKind[] {
  const colon = action.indexOf(':');
  if (colon <= 0) return [];
  const service = action.slice(0, colon).toLowerCase();
  const name = globToRegExp(action.slice(colon + 1));
  return ACTIONS.filter((a) => a.service === service && a.actions.some((x) => name.test(x))).map((a) => a.to);
}

/** Merges uses on one kind: read and write make readwrite; other uses are listed separately. */
export function mergeUses(uses: readonly UsesByKind[]): Map<EvalKind, Set<Use>> {
  const out = new Map<EvalKind, Set<Use>>();
  for (const byKind of uses) {
    for (const [kind, use] of Object.entries(byKind) as [EvalKind, Use][]) {
      const set = out.get(kind) ?? new Set<Use>();
      set.add(use);
      out.set(kind, set);
    }
  }
  return out;
}
