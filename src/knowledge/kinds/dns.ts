import { type CfnValue, sub } from '../cfn.ts';
import { defineKind } from '../kind-definition.ts';
import { param } from '../params.ts';

export default defineKind({
  kind: 'dns',
  title: 'DNS name',
  description:
    'Route 53 alias records in an existing hosted zone and a DNS-validated ACM certificate for the domain; each `route` connection publishes <target-id>.<domain> for a load balancer, HTTP API (custom domain, TLS 1.2), CDN or static site.',
  awsResources: [
    'AWS::Route53::RecordSet',
    'AWS::CertificateManager::Certificate',
    'AWS::ApiGatewayV2::DomainName',
  ],
  network: 'never',
  params: [
    param({
      name: 'domain_name',
      type: 'string',
      description:
        'The domain (zone apex) records are created under; null to take it from a template parameter.',
      default: null,
      pattern: '^[a-z0-9.-]+\\.[a-z]{2,}$',
    }),
    param({
      name: 'hosted_zone_id',
      type: 'string',
      description: 'Route 53 hosted zone id of the domain; null to take it from a template parameter.',
      default: null,
      pattern: '^Z[A-Z0-9]+$',
    }),
  ],
  expand(ctx) {
    const domain: CfnValue =
      ctx.params.domain_name === null
        ? ctx.parameter(`${ctx.id}-domain-name`, {
            Type: 'String',
            Description: `Domain of ${ctx.id}`,
            AllowedPattern: '^[a-z0-9.-]+\\.[a-z]{2,}$',
          })
        : (ctx.params.domain_name as string);
    const zone: CfnValue =
      ctx.params.hosted_zone_id === null
        ? ctx.parameter(`${ctx.id}-zone-id`, {
            Type: 'AWS::Route53::HostedZone::Id',
            Description: `Hosted zone of ${ctx.id}`,
          })
        : (ctx.params.hosted_zone_id as string);
    const wildcard =
      typeof domain === 'string' ? `*.${domain}` : sub(`*.\${${ctx.logicalId('domain-name')}}`);
    return {
      certificate: {
        Type: 'AWS::CertificateManager::Certificate',
        Properties: {
          DomainName: domain,
          SubjectAlternativeNames: [wildcard],
          ValidationMethod: 'DNS',
          DomainValidationOptions: [
            { DomainName: domain, HostedZoneId: zone },
            { DomainName: wildcard, HostedZoneId: zone },
          ],
          CertificateTransparencyLoggingPreference: 'ENABLED',
        },
      },
    };
  },
});
