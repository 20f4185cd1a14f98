import { describe, expect, it } from 'vitest';
import { estimateCost, formatUsd, PRICE_TABLE } from '../../src/cost/index.ts';
import { expandArchitecture } from '../../src/knowledge/index.ts';
import type { Architecture } from '../../src/model/architecture.ts';
import { GOLDEN_ARCHITECTURES } from '../golden/architectures.ts';

const estimate = (architecture: Architecture) => estimateCost(architecture, expandArchitecture(architecture));

describe('estimateCost', () => {
  it('prices API + function + table (prod, us-east-1) as computed by hand', () => {
    const cost = estimate(GOLDEN_ARCHITECTURES['api-function-table']!);
    // Function: 1M requests × $0.20/M = 0.20; 1M × 0.2 s × 0.5 GB = 100,000 GB-s × $0.0000133334 (arm64) = 1.33334
    expect(cost.byComponent['orders-fn']).toBeCloseTo(1.53, 2);
    // HTTP API: 1M requests × $1.00/M
    expect(cost.byComponent.api).toBeCloseTo(1.0, 2);
    // Table: 10M reads × $0.125/M + 1M writes × $0.625/M + 10 GB × $0.25 + PITR 10 GB × $0.20 = 6.375
    expect(cost.byComponent.orders).toBeCloseTo(6.38, 2);
    expect(cost.total).toBeCloseTo(1.53334 + 1 + 6.375, 2);
    expect(cost.currency).toBe('USD');
    expect(cost.priceTable).toMatchObject({
      version: PRICE_TABLE.version,
      region: 'us-east-1',
      date: PRICE_TABLE.date,
    });
    // Log groups cost by volume: listed as not estimated (a stated assumption), not priced as zero.
    expect(cost.notEstimated.map((u) => u.logicalId).sort()).toEqual([
      'ApiAccessLogGroup',
      'OrdersFnLogGroup',
    ]);
    expect(cost.unpriced).toEqual([]);
    expect(cost.complete).toBe(true);
    expect(cost.resources.some((r) => r.logicalId === 'OrdersFnLogGroup')).toBe(false);
  });

  it('prices queue + worker (staging, us-east-1) as computed by hand, including the NAT gateway', () => {
    const cost = estimate(GOLDEN_ARCHITECTURES['queue-worker']!);
    // Fargate arm64: 1 task × 730 h × (0.5 vCPU × $0.03238 + 1 GB × $0.00356) = 14.4175
    expect(cost.byComponent.resizer).toBeCloseTo(14.42, 2);
    // SQS: 3M requests × $0.40/M = 1.20 (the dead-letter queue is not charged up front)
    expect(cost.byComponent.jobs).toBeCloseTo(1.2, 2);
    // S3: 50 GB × $0.023 + 1M GET × $0.0004/1k + 100k PUT × $0.005/1k = 1.15 + 0.40 + 0.50
    expect(cost.byComponent.images).toBeCloseTo(2.05, 2);
    // One NAT gateway outside prod: 730 h × $0.045 + its public IPv4 730 h × $0.005
    const network = cost.resources
      .filter((r) => r.component === 'network')
      .reduce((s, r) => s + r.monthly, 0);
    expect(network).toBeCloseTo(32.85 + 3.65, 2);
    expect(cost.total).toBeCloseTo(14.4175 + 1.2 + 2.05 + 32.85 + 3.65, 2);
  });

  it('takes usage assumptions from params and says which are defaults', () => {
    const base = GOLDEN_ARCHITECTURES['api-function-table']!;
    const busier: Architecture = {
      ...base,
      components: base.components.map((c) =>
        c.id === 'api' ? { ...c, params: { requests_per_month: 50_000_000 } } : c,
      ),
    };
    const cost = estimate(busier);
    expect(cost.byComponent.api).toBeCloseTo(50, 2);
    const assumption = cost.assumptions.find(
      (a) => a.component === 'api' && a.param === 'requests_per_month',
    );
    expect(assumption).toMatchObject({ value: 50_000_000, isDefault: false });
    expect(
      cost.assumptions.find((a) => a.component === 'orders' && a.param === 'reads_per_month'),
    ).toMatchObject({
      value: 10_000_000,
      isDefault: true,
    });
  });

  it('uses eu-west-1 prices for eu-west-1 and falls back to us-east-1 with a stated assumption', () => {
    const base = GOLDEN_ARCHITECTURES['api-function-table']!;
    const eu = estimate({ ...base, region: 'eu-west-1' });
    expect(eu.priceTable.region).toBe('eu-west-1');
    expect(eu.byComponent.api).toBeCloseTo(1.11, 2);
    const other = estimate({ ...base, region: 'ap-southeast-2' });
    expect(other.priceTable.region).toBe('us-east-1');
    expect(other.assumptions.some((a) => a.text.includes('ap-southeast-2'))).toBe(true);
  });

  it('lists resources whose size is not in the price table as unpriced', () => {
    const architecture: Architecture = {
      name: 'x',
      team: null,
      environment: 'dev',
      region: 'us-east-1',
      components: [{ id: 'db', kind: 'postgres', params: { instance_class: 'db.x2iedn.24xlarge' } }],
      connections: [],
    };
    const cost = estimate(architecture);
    expect(cost.unpriced.find((u) => u.logicalId === 'DbInstance')?.reason).toContain('db.x2iedn.24xlarge');
    expect(cost.byComponent.db).toBe(0);
  });

  it('attributes resources added outside the knowledge base to no component', () => {
    const architecture = GOLDEN_ARCHITECTURES['api-function-table']!;
    const template = expandArchitecture(architecture);
    template.Resources.ExtraSecret = {
      Type: 'AWS::SecretsManager::Secret',
      Properties: {},
    } as unknown as (typeof template.Resources)[string];
    const cost = estimateCost(architecture, template);
    expect(cost.resources.find((r) => r.logicalId === 'ExtraSecret')).toMatchObject({
      component: '(unattributed)',
      monthly: 0.4,
    });
    expect(cost.total).toBeCloseTo(1.53334 + 1 + 6.375 + 0.4, 2);
  });

  it('formats USD', () => {
    expect(formatUsd(1234.5)).toBe('$1,234.50');
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(0.001)).toBe('<$0.01');
  });
});
