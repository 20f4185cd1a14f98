import { defineTemplateRule } from '../../rule.ts';
import { BACKUP_RETENTION } from '../_support/db-cluster-settings.ts';

export default defineTemplateRule({
  id: 'docdb-backup-retention',
  title: 'DocumentDB clusters keep backups for at least 7 days',
  severity: 'warning',
  rationale:
    'The default of one day leaves no point to restore to when corruption or a bad deployment is noticed after a weekend.',
  remediation: 'Set BackupRetentionPeriod to 7 days or more.',
  references: ['CKV_AWS_360', 'AwsSolutions-DOC4'],
  resourceTypes: ['AWS::DocDB::DBCluster'],
  check: BACKUP_RETENTION.check,
  fix: BACKUP_RETENTION.fix,
});
