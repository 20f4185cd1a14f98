import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS, unknown } from '../_support/check-result.ts';
import { standaloneInstance } from '../_support/rds-engine.ts';

export default defineTemplateRule({
  id: 'rds-log-exports',
  title: 'RDS instances and Aurora clusters export their logs to CloudWatch Logs',
  severity: 'warning',
  rationale:
    'Database error, audit and slow-query logs kept only on the instance are lost with it and cannot be searched or alarmed on.',
  remediation:
    'Set EnableCloudwatchLogsExports (for example [postgresql] or [error, general, slowquery, audit]).',
  references: ['CKV_AWS_129', 'AwsSolutions-RDS16'],
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  check: (db) => {
    const applies = standaloneInstance(db);
    if (applies !== true) return applies === false ? PASS : applies;
    const n = db.length('EnableCloudwatchLogsExports');
    if (!n.known) return unknown('EnableCloudwatchLogsExports', n.reason);
    if ((n.value ?? 0) > 0) return PASS;
    return fail(
      'EnableCloudwatchLogsExports',
      `No logs are exported: EnableCloudwatchLogsExports is ${n.value === undefined ? 'not set' : 'empty'}; expected at least one log type`,
      n.value === undefined ? undefined : [],
      'at least one log type',
    );
  },
});
