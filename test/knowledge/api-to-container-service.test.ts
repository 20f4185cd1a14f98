import { describe, expect, it } from 'vitest';
import { expandArchitecture, kindCatalogue, validAccessModes } from '../../src/knowledge/index.ts';
import type { Architecture } from '../../src/model/architecture.ts';
import { validateTemplate } from '../../src/spec/index.ts';
import { props, shopArchitecture } from './support/shop-architecture.ts';

const arch = (components: Architecture['components'], connections: Architecture['connections']) =>
  shopArchitecture('prod', components, connections);

const apiInFrontOfService = arch(
  [
    { id: 'api', kind: 'http_api', params: {} },
    { id: 'web', kind: 'container_service', params: { port: 3000 } },
  ],
  [{ from: 'api', to: 'web', access: 'route' }],
);

describe('an HTTP API routes to a container service', () => {
  it('is a valid connection the catalogue (and so the planner prompt) lists', () => {
    expect(validAccessModes('http_api', 'container_service')).toEqual(['route']);
    const api = kindCatalogue().find((e) => e.kind === 'http_api')!;
    expect(api.connections).toContainEqual({ to: 'container_service', access: ['route'] });
  });

  it('integrates privately through a VPC link to the tasks registered in Cloud Map', () => {
    const t = expandArchitecture(apiInFrontOfService);
    expect(validateTemplate(t)).toEqual([]);
    expect(props(t.Resources.ApiIntegrationWeb)).toEqual({
      ApiId: { Ref: 'ApiApi' },
      IntegrationType: 'HTTP_PROXY',
      IntegrationMethod: 'ANY',
      ConnectionType: 'VPC_LINK',
      ConnectionId: { Ref: 'ApiVpcLink' },
      IntegrationUri: { 'Fn::GetAtt': ['WebDiscoveryService', 'Arn'] },
      PayloadFormatVersion: '1.0',
      TimeoutInMillis: 29000,
    });
    expect(props(t.Resources.ApiRouteWeb)).toMatchObject({
      RouteKey: 'ANY /web/{proxy+}',
      AuthorizationType: 'AWS_IAM',
      Target: { 'Fn::Sub': `integrations/\${ApiIntegrationWeb}` },
    });
    expect(props(t.Resources.ApiVpcLink)).toMatchObject({
      SubnetIds: [{ Ref: 'NetworkPrivateSubnet1' }, { Ref: 'NetworkPrivateSubnet2' }],
      SecurityGroupIds: [{ 'Fn::GetAtt': ['ApiVpcLinkSg', 'GroupId'] }],
    });
    expect(props(t.Resources.WebDiscoveryService)).toMatchObject({
      DnsConfig: { DnsRecords: [{ Type: 'SRV', TTL: 10 }], RoutingPolicy: 'MULTIVALUE' },
    });
    expect(props(t.Resources.WebService).ServiceRegistries).toEqual([
      {
        RegistryArn: { 'Fn::GetAtt': ['WebDiscoveryService', 'Arn'] },
        ContainerName: 'app',
        ContainerPort: 3000,
      },
    ]);
    // the stage keeps its access logs
    expect(props(t.Resources.ApiStage).AccessLogSettings).toMatchObject({
      DestinationArn: { 'Fn::GetAtt': ['ApiAccessLogGroup', 'Arn'] },
    });
    // no Lambda permission: nothing to invoke
    expect(Object.values(t.Resources).map((r) => r.Type)).not.toContain('AWS::Lambda::Permission');
  });

  it('lets the VPC link reach the service on its port only, and nothing else', () => {
    const t = expandArchitecture(apiInFrontOfService);
    const rule = {
      IpProtocol: 'tcp',
      FromPort: 3000,
      ToPort: 3000,
      Description: 'api to web on 3000',
    };
    expect(props(t.Resources.WebIngressFromApi)).toEqual({
      GroupId: { 'Fn::GetAtt': ['WebSg', 'GroupId'] },
      SourceSecurityGroupId: { 'Fn::GetAtt': ['ApiVpcLinkSg', 'GroupId'] },
      ...rule,
    });
    expect(props(t.Resources.ApiEgressToWeb)).toEqual({
      GroupId: { 'Fn::GetAtt': ['ApiVpcLinkSg', 'GroupId'] },
      DestinationSecurityGroupId: { 'Fn::GetAtt': ['WebSg', 'GroupId'] },
      ...rule,
    });
    const linkSg = props(t.Resources.ApiVpcLinkSg);
    expect(linkSg.SecurityGroupIngress).toBeUndefined();
    expect(linkSg.SecurityGroupEgress).toEqual([
      expect.objectContaining({ CidrIp: '255.255.255.255/32', Description: 'Disallow all egress' }),
    ]);
  });

  it('shares one VPC link across services and one Cloud Map service across APIs', () => {
    const t = expandArchitecture(
      arch(
        [
          { id: 'public-api', kind: 'http_api', params: { authorization: 'none' } },
          { id: 'partner-api', kind: 'http_api', params: {} },
          { id: 'web', kind: 'container_service', params: {} },
          { id: 'admin', kind: 'container_service', params: {} },
        ],
        [
          { from: 'public-api', to: 'web', access: 'route' },
          { from: 'public-api', to: 'admin', access: 'route' },
          { from: 'partner-api', to: 'web', access: 'route' },
        ],
      ),
    );
    expect(validateTemplate(t)).toEqual([]);
    const ofType = (type: string) =>
      Object.entries(t.Resources)
        .filter(([, r]) => r.Type === type)
        .map(([id]) => id);
    expect(ofType('AWS::ApiGatewayV2::VpcLink')).toEqual(['PartnerApiVpcLink', 'PublicApiVpcLink']);
    expect(ofType('AWS::ServiceDiscovery::Service')).toEqual([
      'AdminDiscoveryService',
      'WebDiscoveryService',
    ]);
    expect(ofType('AWS::EC2::SecurityGroupIngress')).toEqual([
      'AdminIngressFromPublicApi',
      'WebIngressFromPartnerApi',
      'WebIngressFromPublicApi',
    ]);
  });

  it('still routes to functions without a VPC link or a network', () => {
    const t = expandArchitecture(
      arch(
        [
          { id: 'api', kind: 'http_api', params: {} },
          { id: 'fn', kind: 'function', params: {} },
        ],
        [{ from: 'api', to: 'fn', access: 'route' }],
      ),
    );
    expect(t.Resources.ApiVpcLink).toBeUndefined();
    expect(Object.keys(t.Resources).filter((id) => id.startsWith('Network'))).toEqual([]);
    expect(props(t.Resources.ApiIntegrationFn)).toMatchObject({ IntegrationType: 'AWS_PROXY' });
  });
});
