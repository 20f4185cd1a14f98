/**
 * Expand + render + validate a 100-component architecture: cold (first call in the process, spec database
 * load shown separately) and warm (median of repeated runs; target under 20 ms), and the heap the
 * CloudFormation spec database costs. Two mixes: services and data stores, and the direct wiring of issue
 * 11 (service integrations, REST APIs, user pools, pipes, table streams, rules, Firehose).
 */
import { estimateCost } from '../src/cost/index.ts';
import { expandArchitecture } from '../src/knowledge/index.ts';
import type { Architecture, Component, Connection } from '../src/model/architecture.ts';
import { renderTemplate } from '../src/render/index.ts';
import { specDatabase, validateTemplate } from '../src/spec/index.ts';

function hundredComponents(): Architecture {
  const components: Component[] = [];
  const connections: Connection[] = [];
  for (let i = 0; i < 10; i++) {
    const api = `api-${i}`;
    const fn = `fn-${i}`;
    const table = `table-${i}`;
    const queue = `queue-${i}`;
    const worker = `worker-${i}`;
    const bucket = `bucket-${i}`;
    const db = `db-${i}`;
    const cache = `cache-${i}`;
    const topic = `topic-${i}`;
    const lb = `lb-${i}`;
    components.push(
      { id: api, kind: 'http_api', params: {} },
      { id: fn, kind: 'function', params: {} },
      { id: table, kind: 'kv_table', params: {} },
      { id: queue, kind: 'queue', params: {} },
      {
        id: worker,
        kind: i % 2 === 0 ? 'worker' : 'container_service',
        params: { image: 'public.ecr.aws/x/y:1' },
      },
      { id: bucket, kind: 'bucket', params: {} },
      { id: db, kind: 'postgres', params: {} },
      { id: cache, kind: 'cache', params: {} },
      { id: topic, kind: 'topic', params: {} },
      { id: lb, kind: i % 2 === 0 ? 'secret' : 'load_balancer', params: {} },
    );
    connections.push(
      { from: api, to: fn, access: 'route' },
      { from: fn, to: table, access: 'readwrite' },
      { from: fn, to: queue, access: 'publish' },
      { from: fn, to: db, access: 'read' },
      { from: worker, to: queue, access: 'consume' },
      { from: worker, to: bucket, access: 'readwrite' },
      { from: worker, to: db, access: 'readwrite' },
      { from: worker, to: cache, access: 'readwrite' },
      { from: fn, to: topic, access: 'publish' },
      { from: topic, to: queue, access: 'trigger' },
    );
    if (i % 2 === 1) connections.push({ from: lb, to: worker, access: 'route' });
    else connections.push({ from: worker, to: lb, access: 'read' });
  }
  return {
    name: 'bench',
    team: 'platform',
    environment: 'prod',
    region: 'us-east-1',
    components,
    connections,
  };
}

/** Ten groups of ten components wired the way AWS wires them without code in between. */
function hundredWired(): Architecture {
  const components: Component[] = [];
  const connections: Connection[] = [];
  for (let i = 0; i < 10; i++) {
    const n = (name: string) => `${name}-${i}`;
    components.push(
      { id: n('api'), kind: 'http_api', params: {} },
      { id: n('users'), kind: 'user_pool', params: {} },
      { id: n('jobs'), kind: 'queue', params: {} },
      { id: n('flow'), kind: 'workflow', params: {} },
      { id: n('fn'), kind: 'function', params: {} },
      { id: n('table'), kind: 'kv_table', params: {} },
      { id: n('bus'), kind: 'event_bus', params: {} },
      { id: n('alerts'), kind: 'topic', params: {} },
      { id: n('clicks'), kind: 'stream', params: {} },
      { id: n('firehose'), kind: 'delivery_stream', params: {} },
    );
    connections.push(
      { from: n('users'), to: n('api'), access: 'auth' },
      { from: n('api'), to: n('jobs'), access: 'route' },
      { from: n('api'), to: i % 2 === 0 ? n('flow') : n('alerts'), access: 'route' },
      { from: n('jobs'), to: n('flow'), access: 'trigger' },
      { from: n('flow'), to: n('fn'), access: 'invoke' },
      { from: n('table'), to: n('fn'), access: 'trigger' },
      { from: n('fn'), to: n('bus'), access: 'publish' },
      { from: n('bus'), to: n('alerts'), access: 'trigger' },
      { from: n('bus'), to: n('clicks'), access: 'trigger' },
      { from: n('clicks'), to: n('firehose'), access: 'trigger' },
    );
  }
  return {
    name: 'wired',
    team: 'platform',
    environment: 'prod',
    region: 'us-east-1',
    components,
    connections,
  };
}

function once(architecture: Architecture) {
  const template = expandArchitecture(architecture);
  const rendered = renderTemplate(template);
  const issues = validateTemplate(template);
  return { template, rendered, issues };
}

const ms = (n: number) => `${n.toFixed(2)} ms`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export default async function bench(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const loadStart = performance.now();
  specDatabase();
  const loadMs = performance.now() - loadStart;
  gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  console.log(
    `spec database load (once per process): ${ms(loadMs)}, heap ${mb(heapAfter - heapBefore)}${gc ? '' : ' (run node with --expose-gc for an exact figure)'}`,
  );
  measure('services and data stores', hundredComponents());
  measure('direct wiring (issue 11)', hundredWired());
}

function measure(label: string, architecture: Architecture): void {
  const coldStart = performance.now();
  const first = once(architecture);
  const coldMs = performance.now() - coldStart;

  const runs: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < 30; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    once(architecture);
    runs.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  cpus.sort((a, b) => a - b);
  runs.sort((a, b) => a - b);
  const median = runs[Math.floor(runs.length / 2)]!;
  const p90 = runs[Math.floor(runs.length * 0.9)]!;

  const costStart = performance.now();
  estimateCost(architecture, first.template);
  const costMs = performance.now() - costStart;

  const resources = Object.keys(first.template.Resources).length;
  console.log(
    `${label}: 100 components → ${resources} resources, ${first.rendered.yaml.length} bytes of YAML, ${first.issues.length} spec issues`,
  );
  console.log(`  expand + render + validate, cold (first call): ${ms(coldMs)}`);
  console.log(
    `  expand + render + validate, warm: median ${ms(median)}, p90 ${ms(p90)} (target < 20 ms) ${median < 20 ? 'OK' : 'OVER TARGET'}`,
  );
  console.log(
    `  CPU time per warm run: median ${ms(cpus[Math.floor(cpus.length / 2)]!)}, min ${ms(cpus[0]!)} (wall time inflates on a loaded machine)`,
  );
  console.log(`  cost estimate, warm: ${ms(costMs)}`);
}
