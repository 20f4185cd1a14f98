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
};
