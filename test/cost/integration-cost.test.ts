import { describe, expect, it } from 'vitest';
import { estimateCost } from '../../src/cost/index.ts';
import { expandArchitecture } from '../../src/knowledge/index.ts';
import type { Architecture } from '../../src/model/architecture.ts';

const estimate = (
  components: Architecture['components'],
  connections: Architecture['connections'],
  region = 'us-east-1',
) => {
  const architecture: Architecture = {
    name: 'shop',
    team: 'payments',
    environment: 'prod',
    region,
    components,
    connections,
  };
  return estimateCost(architecture, expandArchitecture(architecture));
};
const monthly = (cost: ReturnType<typeof estimate>, logicalId: string) =>
  cost.resources.find((r) => r.logicalId === logicalId)?.monthly;

describe('prices of REST APIs, Firehose, Pipes and Cognito', () => {
  it('prices a REST API per request and its methods and stage at nothing of their own', () => {
    const cost = estimate(
      [
        { id: 'api', kind: 'http_api', params: { flavor: 'rest', requests_per_month: 2_000_000 } },
        { id: 'fn', kind: 'function', params: {} },
      ],
      [{ from: 'api', to: 'fn', access: 'route' }],
    );
    // 2M requests × $3.50/M
    expect(monthly(cost, 'ApiApi')).toBeCloseTo(7.0, 4);
    expect(monthly(cost, 'ApiMethodFnProxyAny')).toBe(0);
    expect(cost.unpriced.map((u) => u.type)).not.toContain('AWS::ApiGateway::Stage');
  });

  it('prices Firehose per GB ingested, plus VPC delivery to a domain', () => {
    const cost = estimate(
      [
        { id: 'firehose', kind: 'delivery_stream', params: { ingest_gb_per_month: 100 } },
        { id: 'search', kind: 'search', params: {} },
      ],
      [{ from: 'firehose', to: 'search', access: 'write' }],
      'eu-west-1',
    );
    // 100 GB × $0.031 + 100 GB × $0.01 + 2 AZ × 730 h × $0.01 = 3.10 + 1.00 + 14.60
    expect(monthly(cost, 'FirehoseDeliveryStream')).toBeCloseTo(18.7, 4);
  });

  it('prices a pipe per message of its source', () => {
    const cost = estimate(
      [
        { id: 'orders', kind: 'queue', params: { requests_per_month: 6_000_000 } },
        { id: 'flow', kind: 'workflow', params: {} },
      ],
      [{ from: 'orders', to: 'flow', access: 'trigger' }],
    );
    // 6M queue requests are send + receive + delete: 2M messages × $0.40/M
    expect(monthly(cost, 'OrdersPipeFlow')).toBeCloseTo(0.8, 4);
  });

  it('prices a user pool per monthly active user of its feature plan', () => {
    const cost = estimate(
      [{ id: 'users', kind: 'user_pool', params: { monthly_active_users: 20_000, feature_plan: 'PLUS' } }],
      [],
    );
    // 20,000 MAU × $0.02 (PLUS)
    expect(monthly(cost, 'UsersPool')).toBeCloseTo(400, 4);
    expect(monthly(cost, 'UsersClient')).toBe(0);
  });
});
