import { defineTemplateRule } from '../../rule.ts';
import { eachItem, expectOneOf } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'apigateway-domain-tls12',
  title: 'API Gateway custom domains require TLS 1.2',
  severity: 'warning',
  rationale: 'TLS 1.0 has known weaknesses and is no longer allowed by PCI DSS and most compliance programs.',
  remediation:
    'Set SecurityPolicy to TLS_1_2 (AWS::ApiGatewayV2::DomainName: on every DomainNameConfigurations entry).',
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html',
  ],
  resourceTypes: ['AWS::ApiGateway::DomainName', 'AWS::ApiGatewayV2::DomainName'],
  check: (domain) =>
    domain.type === 'AWS::ApiGateway::DomainName'
      ? expectOneOf(domain, 'SecurityPolicy', ['TLS_1_2'], 'TLS 1.0 is accepted', { absent: 'TLS_1_0' })
      : eachItem(domain, 'DomainNameConfigurations', (item) =>
          expectOneOf(domain, `${item}.SecurityPolicy`, ['TLS_1_2'], 'TLS 1.0 is accepted', {
            absent: 'TLS_1_2',
          }),
        ),
  fix: {
    description: 'require TLS 1.2 (clients older than TLS 1.2 can no longer connect)',
    safe: false,
    patch: (domain) => {
      if (domain.type === 'AWS::ApiGateway::DomainName')
        return setProperty(domain, 'SecurityPolicy', 'TLS_1_2');
      const n = domain.length('DomainNameConfigurations');
      const count = n.known ? (n.value ?? 0) : 0;
      return Array.from({ length: count }, (_, i) =>
        setProperty(domain, `DomainNameConfigurations.${i}.SecurityPolicy`, 'TLS_1_2'),
      ).flat();
    },
  },
});
