import { defineTemplateRule } from '../../rule.ts';
import { expectAtLeast } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'elasticache-automatic-backups',
  title: 'Redis and Valkey replication groups keep automatic backups',
  severity: 'warning',
  rationale:
    'When a cache also holds state (sessions, queues, counters), losing the cluster without a snapshot loses that state.',
  remediation: 'Set SnapshotRetentionLimit to at least 1 day (and a SnapshotWindow).',
  references: ['CKV_AWS_134'],
  resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
  check: (group) =>
    expectAtLeast(group, 'SnapshotRetentionLimit', 1, 'Automatic backups are off', { absent: 0 }),
  fix: {
    description: 'keep automatic backups for 7 days',
    safe: true,
    patch: (group) => setProperty(group, 'SnapshotRetentionLimit', 7),
  },
});
