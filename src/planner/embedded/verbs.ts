import type { AccessMode, ComponentKind } from '../../model/kinds.ts';

/**
 * Verbs (and prepositions that imply a link) between two mentions, with the access modes they suggest in
 * order of preference. The pair's valid modes (knowledge base) have the last word.
 */
export type VerbClass =
  | 'read'
  | 'write'
  | 'readwrite'
  | 'invoke'
  | 'publish'
  | 'consume'
  | 'trigger'
  | 'route'
  | 'origin'
  | 'link'
  /** "exports the table to S3": reads the first object, writes the one after "to". */
  | 'transfer';

export const VERB_PREFERENCES: Readonly<Record<VerbClass, readonly AccessMode[]>> = {
  read: ['read', 'consume', 'readwrite', 'origin'],
  write: ['write', 'publish', 'readwrite'],
  readwrite: ['readwrite', 'invoke', 'publish', 'consume', 'route', 'origin', 'trigger', 'write', 'read'],
  invoke: ['invoke', 'trigger', 'route', 'publish'],
  publish: ['publish', 'write', 'invoke', 'trigger'],
  consume: ['consume', 'read', 'readwrite'],
  trigger: ['trigger', 'invoke', 'publish'],
  route: ['route', 'origin', 'invoke'],
  origin: ['origin', 'route', 'read'],
  link: ['readwrite', 'invoke', 'route', 'origin', 'trigger', 'publish', 'consume', 'read', 'write'],
  transfer: ['read', 'consume', 'readwrite'],
};

const FORMS: ReadonlyArray<[VerbClass, string]> = [
  [
    'read',
    'read readonly reads reading gets retrieve retrieves retrieving obtains query queries querying queried search searches searching fetch fetches fetching fetched looks lookup lookups scan scans',
  ],
  [
    'write',
    'write writes writing wrote written store stores storing save saves saving saved put puts persist persists persisting insert inserts upload uploads uploading uploaded dump dumps archive archives log logs record records index indexes indexing ingest ingests emails drop drops dropping dropped stash stashes stashing stashed update updates updating modify modifies modifying',
  ],
  [
    'readwrite',
    'readwrite use uses using access accesses accessing talk talks talking connect connects connecting connected depend depends rely relies backed need needs share shares sharing mount mounts mounting cache caches caching',
  ],
  [
    'invoke',
    'call calls calling called invoke invokes invoking invoked hit hits hitting execute executes executing',
  ],
  [
    'publish',
    'publish publishes publishing published send sends sending sent emit emits emitting push pushes pushing enqueue enqueues enqueueing post posts posting produce produces producing notify notifies notifying fan fans broadcast deliver delivers delivering broadcasts forwards-events feed feeds feeding fed go goes flow flows hand offload dispatch',
  ],
  [
    'consume',
    'consume consumes consuming consumed pull pulls pulling poll polls polling process processes processing processed subscribe subscribes subscribed listen listens listening receive receives receiving drain drains pick picks take takes taking took grab grabs handle handles handling react reacts reacting respond responds',
  ],
  [
    'trigger',
    'trigger triggers triggering triggered run runs running start starts starting kick kicks fire fires firing schedule schedules scheduled launch launches orchestrate orchestrates orchestrating coordinate coordinates',
  ],
  [
    'route',
    'route routes routing routed forward forwards forwarding balance balances point points pointing resolve resolves resolving spread spreads spreading',
  ],
  [
    'transfer',
    'load loads loading export exports exporting copy copies copying sync syncs syncing replicate replicates replicating migrate-data backs',
  ],
  ['origin', 'serve serves serving served front fronts fronting distribute distributes'],
  ['link', 'hook hooks hooked wire wires wired attach attaches attached plug plugs plugged'],
];

export const VERBS: ReadonlyMap<string, VerbClass> = new Map(
  FORMS.flatMap(([cls, forms]) => forms.split(' ').map((w) => [w, cls] as [string, VerbClass])),
);

/** Stems an inflected verb may come from: "drained" → "drain", "spreading" → "spread", "copied" → "copy". */
function stems(word: string): string[] {
  const out: string[] = [];
  const strip = (suffix: string) => (word.endsWith(suffix) ? word.slice(0, -suffix.length) : undefined);
  for (const suffix of ['ed', 'ing']) {
    const stem = strip(suffix);
    if (!stem || stem.length < 2) continue;
    out.push(stem, `${stem}e`);
    if (/([bdgklmnprt])\1$/.test(stem)) out.push(stem.slice(0, -1));
  }
  const ied = strip('ied') ?? strip('ies');
  if (ied) out.push(`${ied}y`);
  const es = strip('es');
  if (es) out.push(es);
  const s = strip('s');
  if (s && !word.endsWith('ss')) out.push(s);
  return out;
}

/** The class of a verb form, trying the inflections of the listed forms when the word itself is not listed. */
export function verbClass(word: string): VerbClass | undefined {
  const direct = VERBS.get(word);
  if (direct || word.length < 4) return direct;
  for (const stem of stems(word)) {
    const found = VERBS.get(stem);
    if (found) return found;
  }
  return undefined;
}

/** Words that link the mention before to the mentions after without a verb ("an API with a database"). */
export const LINK_WORDS: ReadonlySet<string> = new Set([
  'with',
  'for',
  'behind',
  'backing',
  'fronting',
  'whose',
]);

/**
 * How "upstream" a kind sits: in a link without a verb, the more upstream kind uses the other (the CDN uses
 * the bucket as its origin; the worker consumes the queue).
 */
export const UPSTREAM_RANK: Readonly<Record<ComponentKind, number>> = {
  dns: 0,
  cdn: 1,
  load_balancer: 2,
  http_api: 3,
  cron: 4,
  workflow: 5,
  container_service: 6,
  worker: 6,
  function: 6,
  vm: 6,
  k8s_cluster: 6,
  static_site: 7,
  event_bus: 8,
  topic: 8,
  stream: 8,
  queue: 9,
  postgres: 9,
  mysql: 9,
  kv_table: 9,
  bucket: 9,
  cache: 9,
  search: 9,
  file_system: 9,
  secret: 9,
  email: 9,
  registry: 9,
  // a user pool authorizes the API or load balancer in front of everything; a delivery stream sits
  // between the stream or compute feeding it and the bucket or domain it writes to
  user_pool: 1,
  delivery_stream: 8.5,
};

/** In links, the access a consumer kind usually wants first. */
export const LINK_PREFERENCES: Partial<Record<ComponentKind, readonly AccessMode[]>> = {
  worker: ['consume', 'readwrite', 'publish', 'read', 'write'],
  cdn: ['origin'],
  load_balancer: ['route'],
  dns: ['route'],
  cron: ['trigger', 'invoke'],
  http_api: ['invoke', 'route'],
  workflow: ['invoke', 'trigger', 'publish', 'readwrite'],
};
