import { describe, expect, it } from 'vitest';
import { kindCatalogue, validAccessModes } from '../../src/knowledge/index.ts';
import type { AccessMode, ComponentKind } from '../../src/model/kinds.ts';
import { COMPUTE_KINDS } from '../../src/model/kinds.ts';

/** The connections real architectures use (issue 11), as the planners and the eval ground truth expect them. */
const CONTRACT: readonly [ComponentKind, readonly ComponentKind[], AccessMode][] = [
  ['http_api', ['queue', 'event_bus', 'stream', 'workflow', 'topic', 'kv_table'], 'route'],
  ['kv_table', ['function'], 'trigger'],
  ['bucket', ['event_bus'], 'trigger'],
  ['event_bus', ['topic', 'stream', 'worker', 'function', 'queue', 'workflow'], 'trigger'],
  ['cron', ['queue', 'topic', 'worker', 'workflow', 'function'], 'trigger'],
  ['queue', ['workflow', 'event_bus', 'queue', 'topic', 'function'], 'trigger'],
  ['stream', ['workflow', 'event_bus', 'queue', 'topic', 'function', 'delivery_stream'], 'trigger'],
  ['kv_table', ['workflow', 'event_bus', 'queue', 'topic'], 'trigger'],
  ['delivery_stream', ['bucket', 'search'], 'write'],
  ['user_pool', ['http_api', 'load_balancer'], 'auth'],
];

describe('validAccessModes', () => {
  for (const [from, targets, access] of CONTRACT) {
    it(`${from} → ${targets.join(', ')}: ${access}`, () => {
      for (const to of targets) expect(validAccessModes(from, to), `${from} → ${to}`).toEqual([access]);
    });
  }

  it('lets every compute kind put records into a delivery stream', () => {
    for (const from of COMPUTE_KINDS) expect(validAccessModes(from, 'delivery_stream')).toEqual(['publish']);
  });

  it('gives auth to no pair but a user pool and what it authorizes', () => {
    const catalogue = kindCatalogue();
    const withAuth = catalogue.flatMap((entry) =>
      entry.connections.filter((c) => c.access.includes('auth')).map((c) => `${entry.kind} → ${c.to}`),
    );
    expect(withAuth).toEqual(['user_pool → http_api', 'user_pool → load_balancer']);
  });

  it('lists the new pairs in the kind catalogue the LLM prompt is built from', () => {
    const api = kindCatalogue().find((e) => e.kind === 'http_api')!;
    expect(api.connections).toContainEqual({ to: 'kv_table', access: ['route'] });
    const pool = kindCatalogue().find((e) => e.kind === 'user_pool')!;
    expect(pool.connections).toEqual([
      { to: 'http_api', access: ['auth'] },
      { to: 'load_balancer', access: ['auth'] },
    ]);
  });
});
