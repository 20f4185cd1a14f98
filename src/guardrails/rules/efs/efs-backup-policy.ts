import { defineTemplateRule } from '../../rule.ts';
import { expectOneOf } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'efs-backup-policy',
  title: 'EFS file systems are backed up automatically',
  severity: 'warning',
  rationale: 'Without automatic backups, a deleted or corrupted file cannot be restored.',
  remediation: 'Set BackupPolicy.Status to ENABLED (daily AWS Backup with 35-day retention).',
  references: ['https://docs.aws.amazon.com/efs/latest/ug/awsbackup.html'],
  resourceTypes: ['AWS::EFS::FileSystem'],
  check: (fs) =>
    expectOneOf(fs, 'BackupPolicy.Status', ['ENABLED'], 'Automatic backups are off', { absent: 'DISABLED' }),
  fix: {
    description: 'enable automatic backups',
    safe: true,
    patch: (fs) => setProperty(fs, 'BackupPolicy.Status', 'ENABLED'),
  },
});
