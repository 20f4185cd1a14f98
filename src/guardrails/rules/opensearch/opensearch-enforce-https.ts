import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'opensearch-enforce-https',
  title: 'OpenSearch domains accept HTTPS only',
  severity: 'error',
  rationale: 'Without EnforceHTTPS, clients can send queries, documents and credentials over plain HTTP.',
  remediation: 'Set DomainEndpointOptions.EnforceHTTPS to true.',
  references: ['CKV_AWS_83'],
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  check: (domain) =>
    expectBool(domain, 'DomainEndpointOptions.EnforceHTTPS', true, 'Plain HTTP is accepted', {
      absent: false,
    }),
  fix: {
    description: 'require HTTPS (HTTP clients stop working)',
    safe: false,
    patch: (domain) => setProperty(domain, 'DomainEndpointOptions.EnforceHTTPS', true),
  },
});
