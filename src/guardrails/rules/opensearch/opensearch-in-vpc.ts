import { defineTemplateRule } from '../../rule.ts';
import { expectPresent } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'opensearch-in-vpc',
  title: 'OpenSearch domains run inside a VPC',
  severity: 'warning',
  rationale: 'A domain outside a VPC has a public endpoint protected only by its access policy.',
  remediation: 'Set VPCOptions with private SubnetIds and SecurityGroupIds.',
  references: ['AwsSolutions-OS1'],
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  check: (domain) => expectPresent(domain, 'VPCOptions.SubnetIds', 'The domain has a public endpoint'),
});
