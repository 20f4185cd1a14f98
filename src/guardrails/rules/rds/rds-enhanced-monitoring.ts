import { defineTemplateRule } from '../../rule.ts';
import { expectAtLeast } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'rds-enhanced-monitoring',
  title: 'RDS instances have enhanced monitoring',
  severity: 'info',
  rationale:
    'Enhanced monitoring gives OS-level metrics (CPU steal, memory, I/O per process) needed to diagnose slow databases.',
  remediation: 'Set MonitoringInterval (1, 5, 10, 15, 30 or 60 seconds) and MonitoringRoleArn.',
  references: ['CKV_AWS_118'],
  resourceTypes: ['AWS::RDS::DBInstance'],
  check: (db) => expectAtLeast(db, 'MonitoringInterval', 1, 'Enhanced monitoring is off', { absent: 0 }),
});
