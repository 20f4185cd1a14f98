import { z } from 'zod';
import { defineTemplateRule } from '../../rule.ts';
import { expectAtLeast, PASS } from '../_support/check-result.ts';
import { standaloneInstance } from '../_support/rds-engine.ts';
import { setProperty, updateParams } from '../_support/template-patch.ts';

const Params = z.object({ minimumDays: z.number().int().min(1).max(35).default(7) });

export default defineTemplateRule<z.infer<typeof Params>>({
  id: 'rds-backup-retention',
  title: 'RDS instances and Aurora clusters keep automated backups long enough',
  severity: 'warning',
  rationale:
    'Automated backups and point-in-time restore only reach back as far as the retention period; the default of one day rarely covers how late data corruption is noticed.',
  remediation: 'Set BackupRetentionPeriod to at least the policy minimum (7 days by default).',
  references: ['CKV_AWS_133', 'AwsSolutions-RDS13'],
  params: Params,
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  check: (db, { params }) => {
    const applies = standaloneInstance(db);
    if (applies !== true) return applies === false ? PASS : applies;
    return expectAtLeast(db, 'BackupRetentionPeriod', params.minimumDays, 'Backups are kept too briefly', {
      absent: 1,
    });
  },
  fix: {
    description: 'keep automated backups for the policy minimum',
    safe: true,
    patch: (db, { params }) => setProperty(db, 'BackupRetentionPeriod', params.minimumDays),
    operations: (db, { params }) => updateParams(db, { backup_retention_days: params.minimumDays }),
  },
});
