import type { AccessMode } from '../../model/kinds.ts';
import { type CfnValue, getAtt, ref, sub } from '../cfn.ts';
import type { ConnectionContext, ConnectionFamily } from '../connection-family.ts';
import { NETWORK_REFS } from '../network.ts';
import { apiRoute } from './api-route.ts';
import { peerSecurityGroupRules } from './peer-security-group-rules.ts';

const ROUTES: Readonly<Record<string, readonly string[]>> = {
  http_api: ['function', 'container_service'],
  load_balancer: ['container_service', 'vm'],
  dns: ['load_balancer', 'http_api', 'cdn', 'static_site'],
};

const ROUTE: readonly AccessMode[] = ['route'];

/** CloudFront's fixed hosted zone id for alias records. */
const CLOUDFRONT_ZONE = 'Z2FDTNDATAQYW2';

function balancerRoute(ctx: ConnectionContext) {
  const { from, to, contributions, logicalId } = ctx;
  const port = to.params.port as number;
  const vm = to.definition.kind === 'vm';
  const targetGroupRole = `target-${to.id}`;
  const targetGroup = ref(logicalId(from.id, targetGroupRole));
  const properties: Record<string, CfnValue> = {
    Port: port,
    Protocol: 'HTTP',
    TargetType: vm ? 'instance' : 'ip',
    VpcId: NETWORK_REFS.vpcId,
    HealthCheckPath: to.params.health_check_path as string,
    HealthCheckIntervalSeconds: 15,
    HealthyThresholdCount: 2,
    UnhealthyThresholdCount: 3,
    Matcher: { HttpCode: '200-399' },
    TargetGroupAttributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }],
  };
  if (vm) properties.Targets = [{ Id: ref(logicalId(to.id, 'instance')), Port: port }];
  contributions.resource(from.id, targetGroupRole, {
    Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
    Properties: properties,
  });
  contributions.inbound(from.id).routes.push({ peer: to.id, targetGroup });
  if (!vm) contributions.targetGroup(to.id, targetGroup, port, logicalId(from.id, 'https-listener'));
  const lbSg = getAtt(logicalId(from.id, 'sg'), 'GroupId');
  const targetSg = getAtt(logicalId(to.id, 'sg'), 'GroupId');
  peerSecurityGroupRules(ctx, lbSg, targetSg, port);
}

function dnsRoute(ctx: ConnectionContext) {
  const { from, to, contributions, logicalId } = ctx;
  const apex = from.params.domain_name as string | null;
  const domainParameter = logicalId(from.id, 'domain-name');
  const domain: CfnValue = apex === null ? sub(`${to.id}.\${${domainParameter}}`) : `${to.id}.${apex}`;
  const recordName: CfnValue = apex === null ? sub(`${to.id}.\${${domainParameter}}.`) : `${to.id}.${apex}.`;
  const zone =
    from.params.hosted_zone_id === null
      ? ref(logicalId(from.id, 'zone-id'))
      : (from.params.hosted_zone_id as string);
  let alias: { DNSName: CfnValue; HostedZoneId: CfnValue };
  switch (to.definition.kind) {
    case 'load_balancer':
      contributions.inbound(to.id).aliases.push({ peer: from.id, domainName: domain });
      alias = {
        DNSName: getAtt(logicalId(to.id, 'load-balancer'), 'DNSName'),
        HostedZoneId: getAtt(logicalId(to.id, 'load-balancer'), 'CanonicalHostedZoneID'),
      };
      break;
    case 'http_api': {
      const domainRole = `domain-${to.id}`;
      contributions.resource(from.id, domainRole, {
        Type: 'AWS::ApiGatewayV2::DomainName',
        Properties: {
          DomainName: domain,
          DomainNameConfigurations: [
            {
              CertificateArn: ref(logicalId(from.id, 'certificate')),
              EndpointType: 'REGIONAL',
              SecurityPolicy: 'TLS_1_2',
            },
          ],
        },
      });
      contributions.resource(from.id, `mapping-${to.id}`, {
        Type: 'AWS::ApiGatewayV2::ApiMapping',
        DependsOn: [logicalId(to.id, 'stage')],
        Properties: {
          ApiId: ref(logicalId(to.id, 'api')),
          DomainName: ref(logicalId(from.id, domainRole)),
          Stage: '$default',
        },
      });
      alias = {
        DNSName: getAtt(logicalId(from.id, domainRole), 'RegionalDomainName'),
        HostedZoneId: getAtt(logicalId(from.id, domainRole), 'RegionalHostedZoneId'),
      };
      break;
    }
    default:
      contributions.inbound(to.id).aliases.push({ peer: from.id, domainName: domain });
      alias = {
        DNSName: getAtt(logicalId(to.id, 'distribution'), 'DomainName'),
        HostedZoneId: CLOUDFRONT_ZONE,
      };
  }
  contributions.resource(from.id, `record-${to.id}`, {
    Type: 'AWS::Route53::RecordSet',
    Properties: {
      HostedZoneId: zone,
      Name: recordName,
      Type: 'A',
      AliasTarget: { ...alias, EvaluateTargetHealth: false },
    },
  });
}

/**
 * Traffic routing: API routes to functions and container services (see api-route.ts), load balancer target
 * groups for services and VMs (with the security group rule from the balancer), DNS alias records.
 */
export const routing: ConnectionFamily = {
  name: 'routing',
  modes(from, to) {
    return ROUTES[from.kind]?.includes(to.kind) ? ROUTE : [];
  },
  apply(ctx) {
    switch (ctx.from.definition.kind) {
      case 'http_api':
        return apiRoute(ctx);
      case 'load_balancer':
        return balancerRoute(ctx);
      case 'dns':
        return dnsRoute(ctx);
    }
  },
};
