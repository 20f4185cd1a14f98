import type { ComponentKind } from '../../../model/kinds.ts';

/** Phrases after any component that name the way it is used, not the thing ("the DynamoDB service integration"). */
export const MEANS_AFTER: ReadonlySet<string> = new Set([
  'integration',
  'integrations',
  'service integration',
  'service integrations',
  'sdk',
  'sdk integration',
  'connector',
]);

/**
 * Words that, right after a component's name, make the phrase a part of it: "DynamoDB stream" is the
 * table's stream (not a Kinesis stream), "S3 events" are the bucket's notifications, "Lambda layer" is
 * part of the function.
 */
export const PARTS_AFTER: Readonly<Partial<Record<ComponentKind, Readonly<Record<string, string>>>>> = {
  kv_table: { stream: 'stream', change: 'stream', item: 'items', record: 'items', row: 'items' },
  bucket: {
    event: 'events',
    notification: 'events',
    trigger: 'events',
    upload: 'objects',
    object: 'objects',
    file: 'objects',
    key: 'objects',
    prefix: 'objects',
    website: 'website',
  },
  event_bus: { rule: 'rule', event: 'events', pattern: 'rule', target: 'rule' },
  topic: { subscription: 'subscription', message: 'messages', notification: 'messages' },
  queue: { message: 'messages', trigger: 'events', url: 'url' },
  function: {
    layer: 'layer',
    url: 'url',
    authorizer: 'authorizer',
    destination: 'destination',
    trigger: 'trigger',
  },
  postgres: {
    proxy: 'proxy',
    replica: 'replica',
    snapshot: 'snapshot',
    cluster: 'cluster',
    instance: 'instance',
  },
  mysql: {
    proxy: 'proxy',
    replica: 'replica',
    snapshot: 'snapshot',
    cluster: 'cluster',
    instance: 'instance',
  },
  http_api: { integration: 'integration', stage: 'stage', route: 'route', endpoint: 'endpoint', key: 'key' },
  user_pool: { authorizer: 'authorizer', client: 'client', authentication: 'authorizer', auth: 'authorizer' },
  container_service: { task: 'task', cluster: 'cluster' },
  worker: { task: 'task' },
  stream: { record: 'records', shard: 'shard', consumer: 'consumer' },
  cdn: { function: 'function', origin: 'origin' },
  workflow: { task: 'task', state: 'state', execution: 'execution', step: 'step' },
  cron: { expression: 'expression', rule: 'rule' },
  secret: { rotation: 'rotation', value: 'value' },
};

/**
 * Two kind names side by side that mean one component of a third (or one of the two) kinds:
 * "S3 static website" is a static site, "worker container" a worker, "ECS service" a container service.
 * Keyed `first>second`.
 */
export const KIND_COMPOUNDS: Readonly<Record<string, ComponentKind>> = {
  'bucket>static_site': 'static_site',
  'static_site>bucket': 'static_site',
  'cdn>static_site': 'static_site',
  'worker>container_service': 'worker',
  'container_service>worker': 'worker',
  'stream>delivery_stream': 'delivery_stream',
  'delivery_stream>stream': 'delivery_stream',
  'event_bus>cron': 'cron',
  'user_pool>http_api': 'user_pool',
  'search>cache': 'search',
};

/** Kinds a modifier brand may qualify ("Aurora MySQL" is MySQL, "Fargate worker" a worker). */
export const MODIFIES: Readonly<Partial<Record<ComponentKind, readonly ComponentKind[]>>> = {
  container_service: ['container_service', 'worker', 'cron'],
  postgres: ['postgres', 'mysql'],
  stream: ['stream', 'delivery_stream'],
};

/** Adjectives that put a compute component on a schedule ("a nightly Lambda"), with the schedule. */
export const SCHEDULE_ADJECTIVES: Readonly<Record<string, string | null>> = {
  scheduled: null,
  periodic: null,
  recurring: null,
  nightly: 'cron(0 0 * * ? *)',
  hourly: 'rate(1 hour)',
  daily: 'rate(1 day)',
  weekly: 'rate(7 days)',
  monthly: 'cron(0 0 1 * ? *)',
};

/** What travels through a channel: "the messages", "those events" refer to the queue or bus they are on. */
export const CARRIED_NOUNS: ReadonlySet<string> = new Set([
  'message',
  'event',
  'record',
  'notification',
  'upload',
  'file',
  'object',
  'job',
  'item',
  'request',
  'change',
  'payload',
  'task',
  'order',
  'update',
  'image',
  'photo',
  'picture',
  'video',
  'document',
  'log',
  'metric',
  'datum',
  'data',
]);
