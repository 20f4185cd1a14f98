import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'opensearch-dedicated-master',
  title: 'OpenSearch domains use dedicated master nodes',
  severity: 'info',
  rationale:
    'Dedicated master nodes keep cluster management stable when data nodes are busy, avoiding split-brain and red clusters.',
  remediation: 'Set DedicatedMasterEnabled to true with DedicatedMasterCount 3 in the cluster config.',
  references: ['AwsSolutions-OS4'],
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  check: (domain) => {
    const config =
      domain.type === 'AWS::Elasticsearch::Domain' ? 'ElasticsearchClusterConfig' : 'ClusterConfig';
    return expectBool(domain, `${config}.DedicatedMasterEnabled`, true, 'No dedicated master nodes', {
      absent: false,
    });
  },
});
