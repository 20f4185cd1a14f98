import { defineTemplateRule } from '../../rule.ts';
import { expectListIncludes } from '../_support/list-includes.ts';

export default defineTemplateRule({
  id: 'neptune-audit-log-export',
  title: 'Neptune clusters export audit logs to CloudWatch Logs',
  severity: 'warning',
  rationale:
    'Audit logs exported to CloudWatch Logs record every query and who sent it; left on the cluster they cannot be searched, kept or alarmed on.',
  remediation:
    'Set EnableCloudwatchLogsExports to include audit (and neptune_enable_audit_log to 1 in the cluster parameter group).',
  references: ['CKV_AWS_101'],
  resourceTypes: ['AWS::Neptune::DBCluster'],
  check: (cluster) =>
    expectListIncludes(cluster, 'EnableCloudwatchLogsExports', ['audit'], 'Audit logs are not exported'),
});
