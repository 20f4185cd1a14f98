import { defineTemplateRule } from '../../rule.ts';
import { expectAtLeast } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'neptune-backup-retention',
  title: 'Neptune clusters keep backups for at least 7 days',
  severity: 'warning',
  rationale:
    'The default of one day leaves no point to restore to when corruption or a bad load is noticed after a weekend.',
  remediation: 'Set BackupRetentionPeriod to 7 days or more.',
  references: ['CKV_AWS_361', 'AwsSolutions-N3'],
  resourceTypes: ['AWS::Neptune::DBCluster'],
  check: (cluster) =>
    expectAtLeast(cluster, 'BackupRetentionPeriod', 7, 'Backups are kept too briefly', { absent: 1 }),
  fix: {
    description: 'keep backups for 7 days (backup storage beyond the cluster size is billed)',
    safe: false,
    patch: (cluster) => setProperty(cluster, 'BackupRetentionPeriod', 7),
  },
});
