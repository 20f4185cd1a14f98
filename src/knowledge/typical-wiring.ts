import type { AccessMode, ComponentKind } from '../model/kinds.ts';
import { validAccessModes } from './access-modes.ts';

/** How two kinds are usually wired when nobody says: which one uses the other, and how. */
export interface Wiring {
  readonly from: ComponentKind;
  readonly to: ComponentKind;
  readonly access: AccessMode;
}

const COMPUTE: readonly ComponentKind[] = ['function', 'container_service', 'worker', 'vm', 'k8s_cluster'];
const STORES: readonly ComponentKind[] = [
  'postgres',
  'mysql',
  'kv_table',
  'bucket',
  'cache',
  'search',
  'file_system',
];
const SOURCES_OF_FUNCTIONS: readonly ComponentKind[] = ['queue', 'stream', 'topic', 'event_bus'];

type Row = [
  from: ComponentKind | readonly ComponentKind[],
  to: ComponentKind | readonly ComponentKind[],
  access: AccessMode,
];

/**
 * The typical wiring, most specific first. Rows name kinds or lists of kinds; the first row matching a
 * pair (in either order) wins, and only when the knowledge base allows that mode for the pair.
 */
const ROWS: readonly Row[] = [
  ['dns', ['cdn', 'http_api', 'load_balancer', 'static_site'], 'route'],
  ['cdn', ['static_site', 'bucket', 'http_api', 'load_balancer'], 'origin'],
  ['user_pool', ['http_api', 'load_balancer'], 'auth'],
  [
    'http_api',
    ['function', 'container_service', 'queue', 'workflow', 'event_bus', 'stream', 'topic', 'kv_table'],
    'route',
  ],
  ['load_balancer', ['container_service', 'vm'], 'route'],
  ['cron', ['function', 'workflow', 'worker', 'queue', 'topic'], 'trigger'],
  [SOURCES_OF_FUNCTIONS, 'function', 'trigger'],
  ['topic', 'queue', 'trigger'],
  ['event_bus', ['queue', 'workflow', 'topic', 'stream', 'worker'], 'trigger'],
  ['bucket', 'event_bus', 'trigger'],
  ['stream', 'delivery_stream', 'trigger'],
  ['delivery_stream', ['bucket', 'search'], 'write'],
  [['worker', 'container_service', 'vm', 'k8s_cluster'], ['queue', 'stream'], 'consume'],
  ['workflow', 'function', 'invoke'],
  ['workflow', ['kv_table', 'bucket'], 'readwrite'],
  ['workflow', ['queue', 'topic', 'event_bus', 'stream', 'email', 'delivery_stream'], 'publish'],
  [COMPUTE, 'workflow', 'invoke'],
  [COMPUTE, 'secret', 'read'],
  [COMPUTE, 'registry', 'read'],
  [COMPUTE, STORES, 'readwrite'],
  [COMPUTE, ['topic', 'event_bus', 'email', 'delivery_stream'], 'publish'],
  [COMPUTE, 'function', 'invoke'],
];

const list = (x: ComponentKind | readonly ComponentKind[]): readonly ComponentKind[] =>
  typeof x === 'string' ? [x] : x;

const cache = new Map<string, Wiring | null>();

/**
 * The typical wiring between two kinds, in whichever direction it runs, or null when there is none (the
 * knowledge base allows no link, or none is usual). "An API and a Lambda" → API routes to the Lambda.
 */
export function typicalWiring(a: ComponentKind, b: ComponentKind): Wiring | null {
  const key = `${a}|${b}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  let found: Wiring | null = null;
  for (const [from, to, access] of ROWS) {
    if (list(from).includes(a) && list(to).includes(b) && validAccessModes(a, b).includes(access)) {
      found = { from: a, to: b, access };
      break;
    }
    if (list(from).includes(b) && list(to).includes(a) && validAccessModes(b, a).includes(access)) {
      found = { from: b, to: a, access };
      break;
    }
  }
  cache.set(key, found);
  return found;
}
