import { defineTemplateRule } from '../../rule.ts';
import { expectAtLeast } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'redshift-automated-snapshots',
  title: 'Redshift clusters keep automated snapshots',
  severity: 'warning',
  rationale:
    'A retention period of 0 turns automated snapshots off, so a dropped table or a failed cluster cannot be restored to a recent point.',
  remediation: 'Set AutomatedSnapshotRetentionPeriod to at least 1 (the default) day, or leave it unset.',
  references: ['AwsSolutions-RS10'],
  resourceTypes: ['AWS::Redshift::Cluster'],
  check: (cluster) =>
    expectAtLeast(cluster, 'AutomatedSnapshotRetentionPeriod', 1, 'Automated snapshots are off', {
      absent: 1,
    }),
  fix: {
    description: 'keep automated snapshots for 7 days',
    safe: true,
    patch: (cluster) => setProperty(cluster, 'AutomatedSnapshotRetentionPeriod', 7),
  },
});
