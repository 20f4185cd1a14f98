import { defineTemplateRule } from '../../rule.ts';
import { expectAtLeast } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'docdb-backup-retention',
  title: 'DocumentDB clusters keep backups for at least 7 days',
  severity: 'warning',
  rationale:
    'The default of one day leaves no point to restore to when corruption or a bad deployment is noticed after a weekend.',
  remediation: 'Set BackupRetentionPeriod to 7 days or more.',
  references: ['CKV_AWS_360', 'AwsSolutions-DOC4'],
  resourceTypes: ['AWS::DocDB::DBCluster'],
  check: (cluster) =>
    expectAtLeast(cluster, 'BackupRetentionPeriod', 7, 'Backups are kept too briefly', { absent: 1 }),
  fix: {
    description: 'keep backups for 7 days (backup storage beyond the cluster size is billed)',
    safe: false,
    patch: (cluster) => setProperty(cluster, 'BackupRetentionPeriod', 7),
  },
});
