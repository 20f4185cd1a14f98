import { defineTemplateRule } from '../../rule.ts';
import { combine, expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'elasticache-multi-az',
  title: 'ElastiCache replication groups fail over across availability zones',
  severity: 'warning',
  rationale:
    'Without Multi-AZ and automatic failover, losing the primary node or its AZ takes the cache down until it is rebuilt.',
  remediation: 'Set MultiAZEnabled and AutomaticFailoverEnabled to true with at least one replica.',
  references: ['AwsSolutions-AEC4'],
  resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
  check: (group) =>
    combine([
      expectBool(group, 'MultiAZEnabled', true, 'Multi-AZ is off', { absent: false }),
      expectBool(group, 'AutomaticFailoverEnabled', true, 'Automatic failover is off', { absent: false }),
    ]),
  fix: {
    description: 'enable Multi-AZ with automatic failover (needs at least one replica)',
    safe: false,
    patch: (group) => [
      ...setProperty(group, 'MultiAZEnabled', true),
      ...setProperty(group, 'AutomaticFailoverEnabled', true),
    ],
  },
});
