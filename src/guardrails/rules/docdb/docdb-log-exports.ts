import { defineTemplateRule } from '../../rule.ts';
import { expectListIncludes } from '../_support/list-includes.ts';

export default defineTemplateRule({
  id: 'docdb-log-exports',
  title: 'DocumentDB clusters export audit or profiler logs to CloudWatch Logs',
  severity: 'warning',
  rationale:
    'Audit and profiler logs exported to CloudWatch Logs show who did what and which operations were slow; left on the cluster they are lost with it.',
  remediation: 'Set EnableCloudwatchLogsExports to [audit] or [audit, profiler].',
  references: ['CKV_AWS_85'],
  resourceTypes: ['AWS::DocDB::DBCluster'],
  check: (cluster) =>
    expectListIncludes(cluster, 'EnableCloudwatchLogsExports', ['audit', 'profiler'], 'No logs are exported'),
});
