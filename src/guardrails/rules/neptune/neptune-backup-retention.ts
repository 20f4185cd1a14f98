import { defineTemplateRule } from '../../rule.ts';
import { BACKUP_RETENTION } from '../_support/db-cluster-settings.ts';

export default defineTemplateRule({
  id: 'neptune-backup-retention',
  title: 'Neptune clusters keep backups for at least 7 days',
  severity: 'warning',
  rationale:
    'The default of one day leaves no point to restore to when corruption or a bad load is noticed after a weekend.',
  remediation: 'Set BackupRetentionPeriod to 7 days or more.',
  references: ['CKV_AWS_361', 'AwsSolutions-N3'],
  resourceTypes: ['AWS::Neptune::DBCluster'],
  check: BACKUP_RETENTION.check,
  fix: BACKUP_RETENTION.fix,
});
