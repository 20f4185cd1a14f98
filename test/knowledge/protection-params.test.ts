import { describe, expect, it } from 'vitest';
import { expandArchitecture } from '../../src/knowledge/index.ts';
import type { Architecture } from '../../src/model/architecture.ts';
import { props, shopArchitecture } from './support/shop-architecture.ts';

const dev = (components: Architecture['components']) =>
  expandArchitecture(shopArchitecture('dev', components, []));

describe('what a requester can turn on from chat', () => {
  it('deletion_protection protects and keeps a table, a database and a load balancer outside prod', () => {
    const on = dev([
      { id: 'orders', kind: 'kv_table', params: { deletion_protection: true } },
      { id: 'db', kind: 'postgres', params: { deletion_protection: true } },
      { id: 'lb', kind: 'load_balancer', params: { deletion_protection: true } },
    ]);
    expect(props(on.Resources.OrdersTable).DeletionProtectionEnabled).toBe(true);
    expect(on.Resources.OrdersTable!.DeletionPolicy).toBe('Retain');
    expect(props(on.Resources.DbInstance).DeletionProtection).toBe(true);
    expect(props(on.Resources.LbLoadBalancer).LoadBalancerAttributes).toContainEqual({
      Key: 'deletion_protection.enabled',
      Value: 'true',
    });
    const off = dev([{ id: 'orders', kind: 'kv_table', params: {} }]);
    expect(props(off.Resources.OrdersTable).DeletionProtectionEnabled).toBe(false);
    expect(off.Resources.OrdersTable!.DeletionPolicy).toBe('Delete');
  });

  it('rotation_days rotates a secret and a cache token with a function named at deploy', () => {
    const t = dev([
      { id: 'api-key', kind: 'secret', params: { rotation_days: 30 } },
      { id: 'sessions', kind: 'cache', params: { rotation_days: 90 } },
    ]);
    expect(props(t.Resources.ApiKeySecretRotation)).toEqual({
      SecretId: { Ref: 'ApiKeySecret' },
      RotationLambdaARN: { Ref: 'ApiKeyRotationFunctionArn' },
      RotationRules: { AutomaticallyAfterDays: 30 },
    });
    expect(props(t.Resources.SessionsAuthSecretRotation).SecretId).toEqual({ Ref: 'SessionsAuthSecret' });
    expect(Object.keys(t.Parameters ?? {})).toEqual([
      'ApiKeyRotationFunctionArn',
      'SessionsRotationFunctionArn',
    ]);
  });

  it('slow_logs publishes a search domain’s slow logs (on in prod)', () => {
    const t = dev([{ id: 'search', kind: 'search', params: { slow_logs: true } }]);
    expect(props(t.Resources.SearchDomain).LogPublishingOptions).toEqual({
      INDEX_SLOW_LOGS: {
        CloudWatchLogsLogGroupArn: { 'Fn::GetAtt': ['SearchSlowLogGroup', 'Arn'] },
        Enabled: true,
      },
      SEARCH_SLOW_LOGS: {
        CloudWatchLogsLogGroupArn: { 'Fn::GetAtt': ['SearchSlowLogGroup', 'Arn'] },
        Enabled: true,
      },
    });
    expect(t.Resources.SearchDomain!.DependsOn).toEqual(['SearchSlowLogPolicy']);
    expect(dev([{ id: 'search', kind: 'search', params: {} }]).Resources.SearchSlowLogGroup).toBeUndefined();
  });
});
