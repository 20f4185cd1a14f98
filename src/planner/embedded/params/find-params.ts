import type { ParamValue } from '../../../model/architecture.ts';
import type { ComponentKind } from '../../../model/kinds.ts';
import { parseSchedule } from './schedule.ts';
import { numberOf } from '../analysis/numbers.ts';
import type { Token } from '../analysis/token.ts';
import { versionAfter } from './versions.ts';

/**
 * Params stated in a sentence, each found at a token position. A param is not tied to a component yet: the
 * planner gives it to the nearest mention whose kind takes it (`value(kind)` is null for kinds that do not).
 */
export interface ParamHit {
  readonly start: number;
  readonly end: number;
  /** Positions the phrase covers; kind matching skips them ("dead letter queue" is not a new queue). */
  readonly covers: boolean;
  readonly describe: string;
  value(kind: ComponentKind): { name: string; value: ParamValue } | null;
}

const DATABASES: readonly ComponentKind[] = ['postgres', 'mysql'];
const CONTAINERS: readonly ComponentKind[] = ['container_service', 'worker'];
const COMPUTE_MEMORY: readonly ComponentKind[] = ['function', 'container_service', 'worker'];

const RUNTIMES: Readonly<Record<string, string>> = {
  python: 'python3.13',
  python3: 'python3.13',
  node: 'nodejs22.x',
  nodejs: 'nodejs22.x',
  'node.js': 'nodejs22.x',
  typescript: 'nodejs22.x',
  javascript: 'nodejs22.x',
  java: 'java21',
  go: 'provided.al2023',
  golang: 'provided.al2023',
  rust: 'provided.al2023',
};

/** "python 3.12" → python3.12, "node 20" → nodejs20.x, "java 17" → java17; null for other words. */
function versionedRuntime(word: string, version: string): string | null {
  if (word === 'python' || word === 'python3') return version.includes('.') ? `python${version}` : null;
  if (word === 'node' || word === 'nodejs' || word === 'node.js') return `nodejs${version.split('.')[0]}.x`;
  if (word === 'java') return `java${version}`;
  return null;
}

/** Words that may sit either side of a bare "provisioned" listed as a table's attribute. */
const TABLE_LIST_WORDS = new Set(['table', 'tables', 'dynamodb', 'dynamo', 'ddb', ',', 'and']);
const MEMORY_WORDS = new Set(['memory', 'ram', 'mem']);
const STORAGE_WORDS = new Set(['storage', 'disk', 'volume', 'space', 'allocated', 'ssd', 'data']);
const NEGATIONS = new Set([
  'no',
  'without',
  'disable',
  'disabled',
  'off',
  'not',
  'turn',
  'nt',
  'dont',
  'remove',
]);

/** Multi-AZ: a setting on databases; a cache gets it with a second node in another AZ. */
function multiAz(value: boolean) {
  return (kind: ComponentKind): { name: string; value: ParamValue } | null => {
    if (DATABASES.includes(kind)) return { name: 'multi_az', value };
    if (kind === 'cache' && value) return { name: 'nodes', value: 2 };
    return null;
  };
}

function only(kinds: readonly ComponentKind[], name: string, value: ParamValue) {
  return (kind: ComponentKind) => (kinds.includes(kind) ? { name, value } : null);
}

function near(tokens: readonly Token[], from: number, to: number, set: ReadonlySet<string>): boolean {
  for (let i = Math.max(0, from); i < Math.min(tokens.length, to); i++)
    if (set.has(tokens[i]!.lemma)) return true;
  return false;
}

function negated(tokens: readonly Token[], at: number): boolean {
  for (let i = Math.max(0, at - 3); i < at; i++) {
    const w = tokens[i]!.w;
    // "turn off versioning" negates, "turn on versioning" and "turn versioning on" do not
    if (w === 'turn') {
      if (tokens[i + 1]?.w === 'off') return true;
      continue;
    }
    if (NEGATIONS.has(w)) return true;
  }
  return tokens[at + 1]?.w === 'off' || tokens[at + 2]?.w === 'off';
}

function seconds(n: number, unit: string | undefined): number | null {
  if (unit === undefined) return null;
  if (/^(s|secs?|seconds?)$/.test(unit)) return n;
  if (/^(m|mins?|minutes?)$/.test(unit)) return n * 60;
  if (/^ms$/.test(unit)) return Math.max(1, Math.round(n / 1000));
  return null;
}

/** Every param phrase in a tokenized sentence; `sentence` is the raw text (for schedules). */
export function findParams(tokens: readonly Token[], sentence: string): ParamHit[] {
  const hits: ParamHit[] = [];
  const push = (start: number, end: number, describe: string, value: ParamHit['value'], covers = false) =>
    hits.push({ start, end, describe, value, covers });

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1]?.w;
    const next2 = tokens[i + 2]?.w;
    const n = numberOf(t.w);

    if (n !== null && /^\d/.test(t.w) && next !== undefined) {
      // sizes: "4 GB", "512 MB", "1 TB"
      if (/^(gb|gib|mb|mib|tb|tib|gigs?|gigabytes?|megabytes?|terabytes?)$/.test(next)) {
        const mb = /^(mb|mib|megabytes?)$/.test(next)
          ? n
          : /^(tb|tib|terabytes?)$/.test(next)
            ? n * 1024 * 1024
            : n * 1024;
        const gb = Math.round(mb / 1024);
        const memory = near(tokens, i - 3, i + 5, MEMORY_WORDS);
        const storage = near(tokens, i - 3, i + 5, STORAGE_WORDS);
        push(i, i + 2, `${t.w} ${next}`, (kind) => {
          if (COMPUTE_MEMORY.includes(kind) && !storage) return { name: 'memory_mb', value: Math.round(mb) };
          if (DATABASES.includes(kind) && !memory) return { name: 'storage_gb', value: gb };
          if (
            (kind === 'search' || kind === 'file_system' || kind === 'registry' || kind === 'static_site') &&
            !memory
          ) {
            return { name: 'storage_gb', value: gb };
          }
          if ((kind === 'vm' || kind === 'k8s_cluster') && !memory) return { name: 'disk_gb', value: gb };
          return null;
        });
        i++;
        continue;
      }
      // "2 vCPUs"
      if (/^(vcpus?|cpus?|cores?)$/.test(next)) {
        push(i, i + 2, `${t.w} vCPU`, only(CONTAINERS, 'cpu', Math.round(n * 1024)));
        i++;
        continue;
      }
      // "30 seconds timeout", "timeout of 30 s"
      const secs = seconds(n, next);
      if (secs !== null) {
        const visibility = near(tokens, i - 4, i + 4, new Set(['visibility', 'invisible']));
        const timeout = near(
          tokens,
          i - 4,
          i + 4,
          new Set(['timeout', 'timeouts', 'time', 'run', 'runs', 'up']),
        );
        if (visibility) push(i, i + 2, `visibility ${secs}s`, only(['queue'], 'visibility_timeout_s', secs));
        else if (timeout) push(i, i + 2, `timeout ${secs}s`, only(['function'], 'timeout_s', secs));
        i++;
        continue;
      }
      // "7 days of backups", "expire after 30 days"
      if (/^days?$/.test(next)) {
        const backups = near(tokens, i - 5, i + 5, new Set(['backup', 'retention', 'retain', 'snapshot']));
        const lifecycle = near(
          tokens,
          i - 6,
          i + 4,
          new Set([
            'expire',
            'expiry',
            'lifecycle',
            'delete',
            'deleted',
            'object',
            'file',
            'transition',
            'archive',
            'cleanup',
          ]),
        );
        if (backups) push(i, i + 2, `${n} days of backups`, only(DATABASES, 'backup_retention_days', n));
        else if (lifecycle) push(i, i + 2, `expire after ${n} days`, only(['bucket'], 'lifecycle_days', n));
        i++;
        continue;
      }
    }
    if (n !== null && next !== undefined) {
      // "3 tasks", "2 replicas", "3 nodes", "4 shards"
      if (/^(tasks?|replicas?|copies|containers?)$/.test(next)) {
        push(i, i + 2, `${n} ${next}`, only(CONTAINERS, 'desired_count', n));
        continue;
      }
      // "4 m6i.large nodes": a count, an instance type, then the noun
      if (
        /^[a-z]\d[a-z0-9]*\.[a-z0-9]+$/.test(next) &&
        next2 !== undefined &&
        /^(nodes?|instances?)$/.test(next2)
      ) {
        push(i, i + 1, `${n} nodes`, (kind) =>
          kind === 'cache' || kind === 'k8s_cluster' || kind === 'search'
            ? { name: 'nodes', value: n }
            : null,
        );
        continue;
      }
      if (/^(nodes?)$/.test(next)) {
        push(i, i + 2, `${n} nodes`, (kind) =>
          kind === 'cache' || kind === 'k8s_cluster' || kind === 'search'
            ? { name: 'nodes', value: n }
            : null,
        );
        continue;
      }
      if (/^shards?$/.test(next)) {
        push(i, i + 2, `${n} shards`, only(['stream'], 'shards', n));
        continue;
      }
    }

    // instance classes and node types
    if (/^db\.[a-z0-9]+\.[a-z0-9]+$/.test(t.w)) {
      push(i, i + 1, t.w, only(DATABASES, 'instance_class', t.w), true);
      continue;
    }
    if (/^cache\.[a-z0-9]+\.[a-z0-9]+$/.test(t.w)) {
      push(i, i + 1, t.w, only(['cache'], 'node_type', t.w), true);
      continue;
    }
    if (/^[a-z]\d[a-z0-9]*\.[a-z0-9]+$/.test(t.w)) {
      const size = t.w;
      push(
        i,
        i + 1,
        size,
        (kind) => {
          if (DATABASES.includes(kind)) return { name: 'instance_class', value: `db.${size}` };
          if (kind === 'cache') return { name: 'node_type', value: `cache.${size}` };
          if (kind === 'vm') return { name: 'instance_type', value: size };
          if (kind === 'k8s_cluster') return { name: 'instance_type', value: size };
          if (kind === 'search') return { name: 'instance_type', value: `${size}.search` };
          return null;
        },
        true,
      );
      continue;
    }

    // multi-AZ, highly available
    if ((t.w === 'multi' && (next === 'az' || next === 'availability')) || t.w === 'multiaz') {
      const end = next === 'availability' ? i + 3 : t.w === 'multiaz' ? i + 1 : i + 2;
      const value = !negated(tokens, i);
      push(i, end, 'multi-AZ', multiAz(value), true);
      i = end - 1;
      continue;
    }
    if ((t.w === 'single' && next === 'az') || (t.w === 'highly' && next === 'available') || t.w === 'ha') {
      const value = t.w !== 'single';
      push(i, t.w === 'ha' ? i + 1 : i + 2, value ? 'multi-AZ' : 'single-AZ', multiAz(value), true);
      continue;
    }
    if (t.w === 'fifo') {
      push(i, i + 1, 'FIFO', only(['queue', 'topic'], 'fifo', !negated(tokens, i)), true);
      continue;
    }
    if (t.lemma === 'versioning' || t.w === 'versioned' || (t.w === 'object' && next === 'versioning')) {
      push(i, i + 1, 'versioning', only(['bucket'], 'versioning', !negated(tokens, i)), true);
      continue;
    }
    if (t.w === 'unversioned') {
      push(i, i + 1, 'no versioning', only(['bucket'], 'versioning', false), true);
      continue;
    }
    if ((t.w === 'point' && next === 'in' && next2 === 'time') || t.w === 'pitr') {
      const end =
        t.w === 'pitr'
          ? i + 1
          : tokens[i + 3] && /^(recovery|restore|backups?)$/.test(tokens[i + 3]!.w)
            ? i + 4
            : i + 3;
      push(
        i,
        end,
        'point-in-time recovery',
        only(['kv_table'], 'point_in_time_recovery', !negated(tokens, i)),
        true,
      );
      i = end - 1;
      continue;
    }
    if (
      (t.w === 'on' && next === 'demand') ||
      t.w === 'ondemand' ||
      (t.w === 'pay' && next === 'per' && next2 === 'request')
    ) {
      const end = t.w === 'pay' ? i + 3 : t.w === 'ondemand' ? i + 1 : i + 2;
      push(
        i,
        end,
        'on-demand',
        (kind) => {
          if (kind === 'kv_table') return { name: 'billing_mode', value: 'PAY_PER_REQUEST' };
          if (kind === 'stream') return { name: 'mode', value: 'ON_DEMAND' };
          return null;
        },
        true,
      );
      i = end - 1;
      continue;
    }
    if (
      t.w === 'provisioned' &&
      (next === 'capacity' || next === 'throughput' || next === 'mode' || next === 'billing')
    ) {
      push(i, i + 2, 'provisioned capacity', only(['kv_table'], 'billing_mode', 'PROVISIONED'), true);
      continue;
    }
    // "DynamoDB table, provisioned, PITR on": the word alone, as a listed attribute of a table
    if (
      t.w === 'provisioned' &&
      (next === undefined || TABLE_LIST_WORDS.has(next)) &&
      TABLE_LIST_WORDS.has(tokens[i - 1]?.w ?? '')
    ) {
      push(i, i + 1, 'provisioned capacity', only(['kv_table'], 'billing_mode', 'PROVISIONED'), true);
      continue;
    }
    if ((t.w === 'dead' && next === 'letter') || t.w === 'dlq' || t.w === 'deadletter') {
      const end = t.w === 'dead' ? (next2 && /^(queues?)$/.test(next2) ? i + 3 : i + 2) : i + 1;
      push(i, end, 'dead-letter queue', only(['queue'], 'dead_letter_queue', !negated(tokens, i)), true);
      i = end - 1;
      continue;
    }
    if (t.w === 'public' || t.w === 'publicly') {
      push(i, i + 1, 'public', only(['bucket'], 'public', !negated(tokens, i)));
      continue;
    }
    if (t.w === 'private') {
      push(i, i + 1, 'private', only(['bucket'], 'public', false));
      continue;
    }
    if (
      /^[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|io|dev|net|org|app|co|ai|cloud|eu|uk|de|fr)$/.test(t.w) &&
      t.w.includes('.')
    ) {
      const domain = t.w;
      push(
        i,
        i + 1,
        domain,
        (kind) => {
          if (kind === 'dns') return { name: 'domain_name', value: domain };
          if (kind === 'email') return { name: 'domain', value: domain };
          return null;
        },
        true,
      );
      continue;
    }
    // "version 1.29", "v8.0": the version of whichever versioned product it sits by
    const versionWord = t.w === 'version' || t.w === 'v' ? next : /^v\d/.test(t.w) ? t.w.slice(1) : undefined;
    // "Aurora Serverless v2" names the capacity model, not an engine version
    const serverlessGeneration = tokens[i - 1]?.w === 'serverless';
    if (versionWord && /^\d+(\.\d+)*$/.test(versionWord) && !serverlessGeneration) {
      const end = t.w === 'version' || t.w === 'v' ? i + 2 : i + 1;
      push(i, end, `version ${versionWord}`, (kind) => versionAfter(kind, versionWord, undefined), true);
      i = end - 1;
      continue;
    }
    // "Python 3.12", "Node 20": a runtime with its version
    const runtimeVersion =
      next !== undefined && /^\d+(\.\d+)?$/.test(next) ? versionedRuntime(t.w, next) : null;
    if (runtimeVersion) {
      push(i, i + 2, `${t.w} ${next}`, only(['function'], 'runtime', runtimeVersion), true);
      i++;
      continue;
    }
    const runtime = RUNTIMES[t.w];
    if (
      runtime !== undefined &&
      !(
        t.w === 'go' &&
        !near(tokens, i - 2, i + 3, new Set(['function', 'lambda', 'in', 'runtime', 'written']))
      )
    ) {
      push(i, i + 1, t.w, only(['function'], 'runtime', runtime));
    }
  }

  const schedule = parseSchedule(sentence);
  if (schedule !== null) {
    const at = tokens.findIndex((t) =>
      /^(every|each|nightly|daily|hourly|weekly|monthly|cron|rate|midnight|noon|weekday|weekdays)$/.test(t.w),
    );
    const start = at < 0 ? tokens.length : at;
    push(start, start + 1, schedule, only(['cron'], 'schedule', schedule));
  }
  return hits;
}
