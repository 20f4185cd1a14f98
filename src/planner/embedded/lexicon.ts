import type { ParamValue } from '../../model/architecture.ts';
import type { ComponentKind } from '../../model/kinds.ts';

/**
 * Words and phrases the embedded planner recognises as component kinds: product names, brands, generic
 * nouns and a few idioms. Phrases are lower-case word sequences (the tokenizer splits on spaces and hyphens).
 */
export interface KindPhrase {
  readonly words: readonly string[];
  readonly kind: ComponentKind;
  /** Params the phrase implies ("aurora" → flavor aurora). */
  readonly params?: Readonly<Record<string, ParamValue>>;
  /**
   * A modifier names a flavour more than a kind: followed by another kind's phrase it takes that kind
   * ("aurora mysql" is mysql with flavor aurora).
   */
  readonly modifier?: boolean;
  /**
   * Generic words ("database", "db") leave the exact kind open: when a new component is asked for, the first
   * kind is assumed and a question asks; when referring to what exists, any of `alternatives` matches.
   */
  readonly alternatives?: readonly ComponentKind[];
}

type Row = [phrase: string, kind: ComponentKind, extra?: Omit<KindPhrase, 'words' | 'kind'>];

const ROWS: readonly Row[] = [
  // http_api
  ['api', 'http_api'],
  ['apis', 'http_api'],
  ['http api', 'http_api'],
  ['rest api', 'http_api'],
  ['restful api', 'http_api'],
  ['api gateway', 'http_api'],
  ['endpoint', 'http_api'],
  ['endpoints', 'http_api'],
  ['rest endpoint', 'http_api'],
  ['http endpoint', 'http_api'],
  ['apigateway', 'http_api'],
  ['apigw', 'http_api'],
  ['graphql api', 'http_api'],
  // function
  ['function', 'function'],
  ['lambda', 'function'],
  ['lambda function', 'function'],
  ['fn', 'function'],
  ['fns', 'function'],
  ['func', 'function'],
  ['serverless function', 'function'],
  ['cloud function', 'function'],
  ['handler', 'function'],
  // container_service
  ['container service', 'container_service'],
  ['containers', 'container_service'],
  ['container', 'container_service'],
  ['fargate', 'container_service', { modifier: true }],
  ['ecs', 'container_service', { modifier: true }],
  ['ecs service', 'container_service'],
  ['fargate service', 'container_service'],
  ['service', 'container_service'],
  ['svc', 'container_service'],
  ['microservice', 'container_service'],
  ['web service', 'container_service'],
  ['web app', 'container_service'],
  ['web application', 'container_service'],
  ['docker container', 'container_service'],
  ['backend service', 'container_service'],
  ['api service', 'container_service'],
  ['app server', 'container_service'],
  // worker
  ['worker', 'worker'],
  ['workers', 'worker'],
  ['background worker', 'worker'],
  ['background job', 'worker'],
  ['background jobs', 'worker'],
  ['background processing', 'worker'],
  ['background task', 'worker'],
  ['job processor', 'worker'],
  ['queue consumer', 'worker'],
  ['consumer', 'worker'],
  ['job runner', 'worker'],
  // load_balancer
  ['load balancer', 'load_balancer'],
  ['loadbalancer', 'load_balancer'],
  ['alb', 'load_balancer'],
  ['elb', 'load_balancer'],
  ['application load balancer', 'load_balancer'],
  // postgres
  ['postgres', 'postgres'],
  ['postgresql', 'postgres'],
  ['postgre', 'postgres'],
  ['pg', 'postgres'],
  ['psql', 'postgres'],
  ['rds postgres', 'postgres'],
  ['rds postgresql', 'postgres'],
  ['aurora', 'postgres', { params: { flavor: 'aurora' }, modifier: true }],
  ['aurora serverless', 'postgres', { params: { flavor: 'aurora_serverless' }, modifier: true }],
  ['aurora serverless v2', 'postgres', { params: { flavor: 'aurora_serverless' }, modifier: true }],
  ['database', 'postgres', { alternatives: ['postgres', 'mysql', 'kv_table'] }],
  ['databases', 'postgres', { alternatives: ['postgres', 'mysql', 'kv_table'] }],
  ['db', 'postgres', { alternatives: ['postgres', 'mysql', 'kv_table'] }],
  ['rds', 'postgres', { alternatives: ['postgres', 'mysql'] }],
  ['relational database', 'postgres', { alternatives: ['postgres', 'mysql'] }],
  ['sql database', 'postgres', { alternatives: ['postgres', 'mysql'] }],
  // mysql
  ['mysql', 'mysql'],
  ['my sql', 'mysql'],
  ['mariadb', 'mysql'],
  ['maria db', 'mysql'],
  ['rds mysql', 'mysql'],
  // kv_table
  ['dynamodb', 'kv_table'],
  ['dynamo', 'kv_table'],
  ['dynamo db', 'kv_table'],
  ['ddb', 'kv_table'],
  ['dynamodb table', 'kv_table'],
  ['key value store', 'kv_table'],
  ['key value table', 'kv_table'],
  ['key value database', 'kv_table'],
  ['kv store', 'kv_table'],
  ['kv table', 'kv_table'],
  ['nosql', 'kv_table'],
  ['nosql database', 'kv_table'],
  ['nosql table', 'kv_table'],
  ['table', 'kv_table'],
  // queue
  ['queue', 'queue'],
  ['sqs', 'queue'],
  ['q', 'queue'],
  ['sqs queue', 'queue'],
  ['message queue', 'queue'],
  // topic
  ['topic', 'topic'],
  ['sns', 'topic'],
  ['sns topic', 'topic'],
  ['pub sub', 'topic'],
  ['pubsub', 'topic'],
  ['pub sub topic', 'topic'],
  ['notification topic', 'topic'],
  // event_bus
  ['event bus', 'event_bus'],
  ['eventbus', 'event_bus'],
  ['eventbridge', 'event_bus'],
  ['event bridge', 'event_bus'],
  ['eventbridge bus', 'event_bus'],
  ['events bus', 'event_bus'],
  // stream
  ['stream', 'stream'],
  ['kinesis', 'stream'],
  ['kinesis stream', 'stream'],
  ['data stream', 'stream'],
  ['kinesis data stream', 'stream'],
  ['event stream', 'stream'],
  // bucket
  ['bucket', 'bucket'],
  ['s3', 'bucket'],
  ['s3 bucket', 'bucket'],
  ['object storage', 'bucket'],
  ['object store', 'bucket'],
  ['blob storage', 'bucket'],
  ['blob store', 'bucket'],
  ['blobs', 'bucket'],
  // static_site
  ['static site', 'static_site'],
  ['static website', 'static_site'],
  ['static web site', 'static_site'],
  ['website', 'static_site'],
  ['site', 'static_site'],
  ['web site', 'static_site'],
  ['spa', 'static_site', { params: { spa: true } }],
  ['single page app', 'static_site', { params: { spa: true } }],
  ['single page application', 'static_site', { params: { spa: true } }],
  ['react app', 'static_site', { params: { spa: true } }],
  ['frontend', 'static_site'],
  ['front end', 'static_site'],
  ['landing page', 'static_site'],
  // cdn
  ['cdn', 'cdn'],
  ['cloudfront', 'cdn'],
  ['cloud front', 'cdn'],
  ['cloudfront distribution', 'cdn'],
  ['content delivery network', 'cdn'],
  // cache
  ['cache', 'cache'],
  ['redis', 'cache', { params: { engine: 'redis' } }],
  ['valkey', 'cache', { params: { engine: 'valkey' } }],
  ['elasticache', 'cache'],
  ['elastic cache', 'cache'],
  ['memcached', 'cache'],
  ['caching layer', 'cache'],
  // secret
  ['secret', 'secret'],
  ['secrets', 'secret'],
  ['secrets manager', 'secret'],
  ['secret manager', 'secret'],
  ['api key', 'secret'],
  ['credentials', 'secret'],
  // file_system
  ['file system', 'file_system'],
  ['filesystem', 'file_system'],
  ['efs', 'file_system'],
  ['shared file system', 'file_system'],
  ['shared filesystem', 'file_system'],
  ['shared storage', 'file_system'],
  ['shared disk', 'file_system'],
  ['nfs', 'file_system'],
  ['network file system', 'file_system'],
  // search
  ['search', 'search'],
  ['opensearch', 'search'],
  ['open search', 'search'],
  ['elasticsearch', 'search'],
  ['elastic search', 'search'],
  ['search cluster', 'search'],
  ['search index', 'search'],
  ['search domain', 'search'],
  ['search engine', 'search'],
  ['full text search', 'search'],
  // cron
  ['cron', 'cron'],
  ['cron job', 'cron'],
  ['cronjob', 'cron'],
  ['scheduled job', 'cron'],
  ['scheduled task', 'cron'],
  ['scheduled lambda', 'cron'],
  ['schedule', 'cron'],
  ['scheduler', 'cron'],
  ['nightly job', 'cron'],
  ['hourly job', 'cron'],
  ['daily job', 'cron'],
  ['timer', 'cron'],
  // workflow
  ['workflow', 'workflow'],
  ['step functions', 'workflow'],
  ['step function', 'workflow'],
  ['stepfunctions', 'workflow'],
  ['state machine', 'workflow'],
  ['orchestration', 'workflow'],
  ['orchestrator', 'workflow'],
  // email
  ['email', 'email'],
  ['emails', 'email'],
  ['e mail', 'email'],
  ['ses', 'email'],
  ['simple email service', 'email'],
  ['email identity', 'email'],
  ['mail', 'email'],
  // vm
  ['vm', 'vm'],
  ['ec2', 'vm'],
  ['ec2 instance', 'vm'],
  ['virtual machine', 'vm'],
  ['server', 'vm'],
  ['bastion', 'vm'],
  ['bastion host', 'vm'],
  ['jump box', 'vm'],
  ['web server', 'vm'],
  // k8s_cluster
  ['eks', 'k8s_cluster'],
  ['kubernetes', 'k8s_cluster'],
  ['k8s', 'k8s_cluster'],
  ['eks cluster', 'k8s_cluster'],
  ['kubernetes cluster', 'k8s_cluster'],
  ['k8s cluster', 'k8s_cluster'],
  // registry
  ['registry', 'registry'],
  ['ecr', 'registry'],
  ['container registry', 'registry'],
  ['docker registry', 'registry'],
  ['image registry', 'registry'],
  ['ecr repository', 'registry'],
  ['ecr repo', 'registry'],
  // dns
  ['dns', 'dns'],
  ['route 53', 'dns'],
  ['route53', 'dns'],
  ['dns record', 'dns'],
  ['domain', 'dns'],
  ['custom domain', 'dns'],
  ['domain name', 'dns'],
  ['hostname', 'dns'],
];

export const KIND_PHRASES: readonly KindPhrase[] = ROWS.map(([phrase, kind, extra]) => ({
  words: phrase.split(' '),
  kind,
  ...extra,
}));

/**
 * Nouns that, right after a kind phrase, belong to it ("postgres database", "redis cluster"): they never
 * start a new component there.
 */
export const ABSORBED_NOUNS: ReadonlySet<string> = new Set([
  'database',
  'databases',
  'db',
  'dbs',
  'instance',
  'instances',
  'cluster',
  'clusters',
  'service',
  'services',
  'store',
  'storage',
  'engine',
  'server',
  'servers',
  'domain',
  'distribution',
  'repository',
  'repo',
  'node',
  'nodes',
  'layer',
]);

/** Nouns absorbed only after a phrase of one kind ("an EFS share"; "workers share files" is a verb). */
export const KIND_NOUNS: Readonly<Partial<Record<ComponentKind, ReadonlySet<string>>>> = {
  file_system: new Set(['share', 'shares', 'volume', 'volumes', 'mount']),
};

/** The id a new component of a kind gets when nothing better is said. */
export const DEFAULT_ID: Readonly<Record<ComponentKind, string>> = {
  http_api: 'api',
  function: 'function',
  container_service: 'service',
  worker: 'worker',
  load_balancer: 'load-balancer',
  postgres: 'db',
  mysql: 'db',
  kv_table: 'table',
  queue: 'queue',
  topic: 'topic',
  event_bus: 'event-bus',
  stream: 'stream',
  bucket: 'bucket',
  static_site: 'site',
  cdn: 'cdn',
  cache: 'cache',
  secret: 'secret',
  file_system: 'file-system',
  search: 'search',
  cron: 'schedule',
  workflow: 'workflow',
  email: 'email',
  vm: 'server',
  k8s_cluster: 'cluster',
  registry: 'registry',
  dns: 'dns',
  delivery_stream: 'firehose',
  user_pool: 'user-pool',
};

/** The short noun a qualified id ends with: "orders" + postgres → "orders-db". */
export const ID_SUFFIX: Readonly<Record<ComponentKind, string>> = {
  ...DEFAULT_ID,
  http_api: 'api',
  load_balancer: 'lb',
  event_bus: 'bus',
  file_system: 'fs',
  static_site: 'site',
  cron: 'schedule',
  vm: 'server',
};

/** How people call a kind in a reply or a question. */
export const KIND_LABEL: Readonly<Record<ComponentKind, string>> = {
  http_api: 'HTTP API',
  function: 'Lambda function',
  container_service: 'container service',
  worker: 'worker',
  load_balancer: 'load balancer',
  postgres: 'Postgres database',
  mysql: 'MySQL database',
  kv_table: 'DynamoDB table',
  queue: 'SQS queue',
  topic: 'SNS topic',
  event_bus: 'EventBridge bus',
  stream: 'Kinesis stream',
  bucket: 'S3 bucket',
  static_site: 'static site',
  cdn: 'CloudFront CDN',
  cache: 'cache',
  secret: 'secret',
  file_system: 'EFS file system',
  search: 'OpenSearch domain',
  cron: 'schedule',
  workflow: 'Step Functions workflow',
  email: 'SES email identity',
  vm: 'EC2 instance',
  k8s_cluster: 'EKS cluster',
  registry: 'ECR repository',
  dns: 'DNS record',
  delivery_stream: 'Firehose delivery stream',
  user_pool: 'Cognito user pool',
};
