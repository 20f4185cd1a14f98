import { defineTemplateRule } from '../../rule.ts';
import { combine, expectBool } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'opensearch-slow-logs',
  title: 'OpenSearch domains publish slow logs to CloudWatch Logs',
  severity: 'warning',
  rationale: 'Search and index slow logs are how expensive queries and indexing bottlenecks are found.',
  remediation:
    'Set LogPublishingOptions SEARCH_SLOW_LOGS and INDEX_SLOW_LOGS with Enabled true and a CloudWatchLogsLogGroupArn.',
  references: ['AwsSolutions-OS9'],
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  check: (domain) =>
    combine([
      expectBool(domain, 'LogPublishingOptions.SEARCH_SLOW_LOGS.Enabled', true, 'Search slow logs are off', {
        absent: false,
      }),
      expectBool(domain, 'LogPublishingOptions.INDEX_SLOW_LOGS.Enabled', true, 'Index slow logs are off', {
        absent: false,
      }),
    ]),
});
