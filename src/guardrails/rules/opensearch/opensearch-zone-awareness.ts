import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'opensearch-zone-awareness',
  title: 'OpenSearch domains spread nodes across availability zones',
  severity: 'warning',
  rationale: 'Without zone awareness, an AZ outage takes the whole domain and its primary shards down.',
  remediation:
    'Set ZoneAwarenessEnabled to true (with ZoneAwarenessConfig.AvailabilityZoneCount 2 or 3) in the cluster config.',
  references: ['AwsSolutions-OS7'],
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  check: (domain) => {
    const config =
      domain.type === 'AWS::Elasticsearch::Domain' ? 'ElasticsearchClusterConfig' : 'ClusterConfig';
    return expectBool(domain, `${config}.ZoneAwarenessEnabled`, true, 'All nodes are in one AZ', {
      absent: false,
    });
  },
});
