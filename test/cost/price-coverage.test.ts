/**
 * The price table prices every instance class and node type the copilot can produce, in every region it
 * lists: the knowledge base's defaults, what a policy's allowed-instance-classes admit, and what people type.
 * A class missing here would silently lower an estimate; this test names it instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { catalogClasses, INSTANCE_SERVICES, type InstanceService } from '../../src/cost/instance-catalog.ts';
import { INSTANCE_PRICES } from '../../src/cost/instance-prices.ts';
import { PRICE_TABLE, type RegionPrices } from '../../src/cost/price-table.ts';
import { defaultsPerEnvironment } from '../../src/knowledge/params.ts';
import { kindDefinition } from '../../src/knowledge/kinds/index.ts';

const TABLE_OF: Record<InstanceService, keyof RegionPrices> = {
  rds: 'rdsInstanceHour',
  aurora: 'auroraInstanceHour',
  elasticache: 'elastiCacheRedisNodeHour',
  opensearch: 'openSearchInstanceHour',
  ec2: 'ec2InstanceHour',
};

/** Which services price a kind's param (postgres and mysql run on RDS or Aurora; EKS nodes are EC2). */
const PARAMS: Array<{ kind: string; param: string; services: InstanceService[] }> = [
  { kind: 'postgres', param: 'instance_class', services: ['rds', 'aurora'] },
  { kind: 'mysql', param: 'instance_class', services: ['rds', 'aurora'] },
  { kind: 'cache', param: 'node_type', services: ['elasticache'] },
  { kind: 'search', param: 'instance_type', services: ['opensearch'] },
  { kind: 'vm', param: 'instance_type', services: ['ec2'] },
  { kind: 'k8s_cluster', param: 'instance_type', services: ['ec2'] },
];

const inCatalog = (services: InstanceService[], value: string) =>
  services.some((s) => catalogClasses(s).includes(value));

describe('price coverage', () => {
  it('every region of the table has instance prices with a source and a date', () => {
    expect(Object.keys(INSTANCE_PRICES).sort()).toEqual(Object.keys(PRICE_TABLE.regions).sort());
    for (const prices of Object.values(INSTANCE_PRICES)) {
      expect(prices.source.length).toBeGreaterThan(20);
      expect(prices.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('prices every class of the catalog in every region the table lists', () => {
    const missing: string[] = [];
    for (const [region, prices] of Object.entries(PRICE_TABLE.regions)) {
      for (const service of INSTANCE_SERVICES) {
        const table = prices[TABLE_OF[service]] as Readonly<Record<string, number>>;
        for (const cls of catalogClasses(service))
          if (!(table[cls]! > 0)) missing.push(`${region} ${service} ${cls}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('the knowledge base defaults, in every environment, are in the catalog', () => {
    const outside: string[] = [];
    for (const { kind, param, services } of PARAMS) {
      const spec = kindDefinition(kind as never).params.find((p) => p.name === param);
      expect(spec, `${kind}.${param}`).toBeDefined();
      for (const [env, value] of Object.entries(defaultsPerEnvironment(spec!))) {
        if (typeof value === 'string' && !inCatalog(services, value)) outside.push(`${kind} ${env} ${value}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('every wildcard of the seeded policy admits classes of the catalog, all priced', () => {
    const policy = parse(readFileSync('guardrails/org-policy.yaml', 'utf8')) as {
      rules: Record<string, { params: Record<string, string[]> }>;
    };
    const params = policy.rules['allowed-instance-classes']!.params;
    const governs: Record<string, InstanceService[]> = {
      instanceClasses: ['rds', 'aurora'],
      nodeTypes: ['elasticache'],
      instanceTypes: ['ec2', 'opensearch'],
    };
    const empty: string[] = [];
    for (const [name, services] of Object.entries(governs)) {
      for (const wildcard of params[name] ?? []) {
        if (wildcard === 'db.serverless') continue; // priced per ACU, not per class
        const pattern = new RegExp(`^${wildcard.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`);
        const admitted = services.flatMap((s) => catalogClasses(s)).filter((c) => pattern.test(c));
        if (admitted.length === 0) empty.push(`${name} ${wildcard}`);
      }
    }
    expect(empty).toEqual([]);
  });

  it('the classes people type in the evaluation and planner cases are in the catalog', () => {
    const files = [
      ...readdirSync('eval/cases').map((f) => join('eval/cases', f)),
      ...readdirSync('test/planner')
        .filter((f) => f.endsWith('.ts'))
        .map((f) => join('test/planner', f)),
    ];
    const typed = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(
        /\b(?:db|cache)\.[a-z0-9]+\.[a-z0-9]+\b|\b[a-z][0-9][a-z0-9]*\.(?:nano|micro|small|medium|large|[0-9]*xlarge)(?:\.search)?\b/g,
      )) {
        typed.add(m[0]);
      }
    }
    expect(typed.size).toBeGreaterThan(5);
    const outside = [...typed].filter((cls) =>
      cls.startsWith('db.')
        ? !inCatalog(['rds', 'aurora'], cls)
        : cls.startsWith('cache.')
          ? !inCatalog(['elasticache'], cls)
          : cls.endsWith('.search')
            ? !inCatalog(['opensearch'], cls)
            : !inCatalog(['ec2'], cls),
    );
    expect(outside).toEqual([]);
  });
});
