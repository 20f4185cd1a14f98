/** The component kinds of the intent model (contract: ../shared/DESIGN.md). */
export const COMPONENT_KINDS = [
  'http_api',
  'function',
  'container_service',
  'worker',
  'load_balancer',
  'postgres',
  'mysql',
  'kv_table',
  'queue',
  'topic',
  'event_bus',
  'stream',
  'bucket',
  'static_site',
  'cdn',
  'cache',
  'secret',
  'file_system',
  'search',
  'cron',
  'workflow',
  'email',
  'vm',
  'k8s_cluster',
  'registry',
  'dns',
  'delivery_stream',
  'user_pool',
] as const;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];

/** Kinds that run code: the only ones that should talk to private data stores directly. */
export const COMPUTE_KINDS: readonly ComponentKind[] = [
  'function',
  'container_service',
  'worker',
  'vm',
  'k8s_cluster',
  'workflow',
];

/** How one component uses another. Which modes make sense for a pair of kinds is knowledge-base data. */
export const ACCESS_MODES = [
  'read',
  'write',
  'readwrite',
  'invoke',
  'publish',
  'consume',
  'trigger',
  'route',
  'origin',
  'auth',
] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];

export const ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];
