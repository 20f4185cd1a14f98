import { defineTemplateRule } from '../../rule.ts';
import { expectOneOf } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'opensearch-tls-policy',
  title: 'OpenSearch domains require TLS 1.2',
  severity: 'warning',
  rationale: 'The default policy accepts TLS 1.0 and 1.1, which have known weaknesses.',
  remediation:
    'Set DomainEndpointOptions.TLSSecurityPolicy to Policy-Min-TLS-1-2-PFS-2023-10 (or Policy-Min-TLS-1-2-2019-07).',
  references: [
    'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html',
  ],
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  check: (domain) =>
    expectOneOf(
      domain,
      'DomainEndpointOptions.TLSSecurityPolicy',
      ['Policy-Min-TLS-1-2-2019-07', 'Policy-Min-TLS-1-2-PFS-2023-10'],
      'TLS 1.0 is accepted',
      { absent: 'Policy-Min-TLS-1-0-2019-07' },
    ),
  fix: {
    description: 'require TLS 1.2 (older clients stop working)',
    safe: false,
    patch: (domain) =>
      setProperty(domain, 'DomainEndpointOptions.TLSSecurityPolicy', 'Policy-Min-TLS-1-2-PFS-2023-10'),
  },
});
