import type { Architecture } from '../../src/model/architecture.ts';

/** Realistic architectures whose expanded templates are kept as readable YAML next to this file. */
export const GOLDEN_ARCHITECTURES: Record<string, Architecture> = {
  'api-function-table': {
    name: 'orders',
    team: 'payments',
    environment: 'prod',
    region: 'us-east-1',
    components: [
      { id: 'api', kind: 'http_api', params: {} },
      { id: 'orders-fn', kind: 'function', params: {} },
      { id: 'orders', kind: 'kv_table', params: {} },
    ],
    connections: [
      { from: 'api', to: 'orders-fn', access: 'route' },
      { from: 'orders-fn', to: 'orders', access: 'readwrite' },
    ],
  },
  'containers-postgres-redis': {
    name: 'storefront',
    team: 'web',
    environment: 'prod',
    region: 'eu-west-1',
    components: [
      { id: 'web-lb', kind: 'load_balancer', params: {} },
      { id: 'web', kind: 'container_service', params: { image: 'public.ecr.aws/nginx/nginx:1.27' } },
      { id: 'db', kind: 'postgres', params: {} },
      { id: 'sessions', kind: 'cache', params: {} },
    ],
    connections: [
      { from: 'web-lb', to: 'web', access: 'route' },
      { from: 'web', to: 'db', access: 'readwrite' },
      { from: 'web', to: 'sessions', access: 'readwrite' },
    ],
  },
  'queue-worker': {
    name: 'thumbnails',
    team: 'media',
    environment: 'staging',
    region: 'us-east-1',
    components: [
      { id: 'jobs', kind: 'queue', params: {} },
      { id: 'resizer', kind: 'worker', params: {} },
      { id: 'images', kind: 'bucket', params: {} },
    ],
    connections: [
      { from: 'resizer', to: 'jobs', access: 'consume' },
      { from: 'resizer', to: 'images', access: 'readwrite' },
    ],
  },
  'static-site': {
    name: 'marketing',
    team: 'growth',
    environment: 'prod',
    region: 'us-east-1',
    components: [
      { id: 'site', kind: 'static_site', params: { spa: true } },
      {
        id: 'domain',
        kind: 'dns',
        params: { domain_name: 'example.com', hosted_zone_id: 'Z0123456789ABCDEFGHIJ' },
      },
    ],
    connections: [{ from: 'domain', to: 'site', access: 'route' }],
  },
  'scheduled-workflow': {
    name: 'reporting',
    team: 'finance',
    environment: 'dev',
    region: 'us-east-1',
    components: [
      { id: 'nightly', kind: 'cron', params: { schedule: 'cron(0 2 * * ? *)' } },
      { id: 'report', kind: 'workflow', params: {} },
      { id: 'build-report', kind: 'function', params: { runtime: 'python3.13', timeout_s: 300 } },
      { id: 'reports', kind: 'bucket', params: {} },
    ],
    connections: [
      { from: 'nightly', to: 'report', access: 'trigger' },
      { from: 'report', to: 'build-report', access: 'invoke' },
      { from: 'build-report', to: 'reports', access: 'write' },
    ],
  },
  'api-fargate-postgres': {
    name: 'invoicing',
    team: 'billing',
    environment: 'prod',
    region: 'eu-west-1',
    components: [
      {
        id: 'api',
        kind: 'http_api',
        params: { authorization: 'jwt', jwt_issuer: 'https://auth.example.com/', jwt_audience: 'invoicing' },
      },
      { id: 'invoices', kind: 'container_service', params: { image: 'public.ecr.aws/nginx/nginx:1.27' } },
      { id: 'db', kind: 'postgres', params: {} },
    ],
    connections: [
      { from: 'api', to: 'invoices', access: 'route' },
      { from: 'invoices', to: 'db', access: 'readwrite' },
    ],
  },
  'eks-table-queue': {
    name: 'fulfilment',
    team: 'logistics',
    environment: 'staging',
    region: 'us-east-1',
    components: [
      { id: 'platform', kind: 'k8s_cluster', params: { namespace: 'fulfilment', service_account: 'picker' } },
      { id: 'stock', kind: 'kv_table', params: {} },
      { id: 'orders', kind: 'queue', params: {} },
    ],
    connections: [
      { from: 'platform', to: 'stock', access: 'read' },
      { from: 'platform', to: 'orders', access: 'consume' },
    ],
  },
  // The five architectures of issue 11: direct integrations, streams, EventBridge, Firehose.
  'api-queue-worker': {
    name: 'imports',
    team: 'data',
    environment: 'staging',
    region: 'us-east-1',
    components: [
      { id: 'api', kind: 'http_api', params: {} },
      { id: 'jobs', kind: 'queue', params: { visibility_timeout_s: 300 } },
      { id: 'importer', kind: 'worker', params: { image: 'public.ecr.aws/docker/library/python:3.13' } },
    ],
    connections: [
      { from: 'api', to: 'jobs', access: 'route' },
      { from: 'importer', to: 'jobs', access: 'consume' },
    ],
  },
  'api-step-functions': {
    name: 'checkout',
    team: 'payments',
    environment: 'prod',
    region: 'eu-west-1',
    components: [
      { id: 'api', kind: 'http_api', params: {} },
      { id: 'place-order', kind: 'workflow', params: {} },
      { id: 'charge-card', kind: 'function', params: {} },
    ],
    connections: [
      { from: 'api', to: 'place-order', access: 'route' },
      { from: 'place-order', to: 'charge-card', access: 'invoke' },
    ],
  },
  'dynamodb-stream-email': {
    name: 'onboarding',
    team: 'growth',
    environment: 'prod',
    region: 'us-east-1',
    components: [
      { id: 'users', kind: 'kv_table', params: { partition_key: 'user_id', sort_key: 'created_at' } },
      { id: 'send-welcome', kind: 'function', params: {} },
      { id: 'mail', kind: 'email', params: { domain: 'example.com' } },
    ],
    connections: [
      { from: 'users', to: 'send-welcome', access: 'trigger' },
      { from: 'send-welcome', to: 'mail', access: 'publish' },
    ],
  },
  's3-eventbridge-sns': {
    name: 'uploads',
    team: 'media',
    environment: 'prod',
    region: 'us-east-1',
    components: [
      { id: 'incoming', kind: 'bucket', params: {} },
      { id: 'events', kind: 'event_bus', params: {} },
      { id: 'new-upload', kind: 'topic', params: {} },
    ],
    connections: [
      { from: 'incoming', to: 'events', access: 'trigger' },
      { from: 'events', to: 'new-upload', access: 'trigger' },
    ],
  },
  'kinesis-firehose-s3-opensearch': {
    name: 'clickstream',
    team: 'analytics',
    environment: 'prod',
    region: 'us-east-1',
    components: [
      { id: 'clicks', kind: 'stream', params: {} },
      { id: 'delivery', kind: 'delivery_stream', params: { index_name: 'clicks' } },
      { id: 'archive', kind: 'bucket', params: { lifecycle_days: 365 } },
      { id: 'search', kind: 'search', params: {} },
    ],
    connections: [
      { from: 'clicks', to: 'delivery', access: 'trigger' },
      { from: 'delivery', to: 'archive', access: 'write' },
      { from: 'delivery', to: 'search', access: 'write' },
    ],
  },
};
