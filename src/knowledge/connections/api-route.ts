import { type CfnValue, getAtt, ref, sub } from '../cfn.ts';
import type { ConnectionContext } from '../connection-family.ts';
import { DISCOVERY_ROLES, SERVICE_DISCOVERY } from '../service-discovery.ts';
import { VPC_LINK, VPC_LINK_ROLES } from '../vpc-link.ts';
import { peerSecurityGroupRules } from './peer-security-group-rules.ts';

/** Lambda proxy integration and the permission for this API (any stage, any route) to invoke it. */
function functionIntegration(ctx: ConnectionContext, apiId: string): Record<string, CfnValue> {
  const { from, to, contributions, logicalId } = ctx;
  contributions.resource(from.id, `permission-${to.id}`, {
    Type: 'AWS::Lambda::Permission',
    Properties: {
      Action: 'lambda:InvokeFunction',
      FunctionName: getAtt(logicalId(to.id, 'function'), 'Arn'),
      Principal: 'apigateway.amazonaws.com',
      SourceArn: sub(
        `arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${apiId}}/*/*`,
      ),
    },
  });
  return {
    IntegrationType: 'AWS_PROXY',
    IntegrationUri: getAtt(logicalId(to.id, 'function'), 'Arn'),
    PayloadFormatVersion: '2.0',
  };
}

/**
 * Private integration to a Fargate service: through the API's VPC link straight to the service's tasks,
 * found in Cloud Map. Chosen over an internal ALB listener because the API already terminates TLS,
 * authorises, throttles and logs every request: a second load balancer would add a hop, a certificate to
 * manage (or plain HTTP inside the VPC anyway) and a fixed monthly cost, and give nothing the API lacks.
 * ECS keeps Cloud Map current (tasks registered once healthy, deregistered before they stop) and
 * CloudFormation supports the whole chain. The service admits the VPC link's group on its port only.
 */
function serviceIntegration(ctx: ConnectionContext): Record<string, CfnValue> {
  const { from, to, contributions, logicalId } = ctx;
  const port = to.params.port as number;
  contributions.needVpc(from.id);
  contributions.feature(from.id, VPC_LINK);
  contributions.feature(to.id, SERVICE_DISCOVERY);
  peerSecurityGroupRules(
    ctx,
    getAtt(logicalId(from.id, VPC_LINK_ROLES.securityGroup), 'GroupId'),
    getAtt(logicalId(to.id, 'sg'), 'GroupId'),
    port,
  );
  return {
    IntegrationType: 'HTTP_PROXY',
    IntegrationMethod: 'ANY',
    ConnectionType: 'VPC_LINK',
    ConnectionId: ref(logicalId(from.id, VPC_LINK_ROLES.link)),
    IntegrationUri: getAtt(logicalId(to.id, DISCOVERY_ROLES.service), 'Arn'),
    PayloadFormatVersion: '1.0',
  };
}

/**
 * An HTTP API routes `ANY /<target>/{proxy+}` to a function (Lambda proxy) or a container service
 * (private integration), with the API's authorization on the route.
 */
export function apiRoute(ctx: ConnectionContext): void {
  const { from, to, contributions, logicalId } = ctx;
  const apiId = logicalId(from.id, 'api');
  const integration = `integration-${to.id}`;
  const target =
    to.definition.kind === 'container_service' ? serviceIntegration(ctx) : functionIntegration(ctx, apiId);
  contributions.resource(from.id, integration, {
    Type: 'AWS::ApiGatewayV2::Integration',
    Properties: { ApiId: ref(apiId), ...target, TimeoutInMillis: 29000 },
  });
  const authorization = from.params.authorization as string;
  const route: Record<string, CfnValue> = {
    ApiId: ref(apiId),
    RouteKey: `ANY /${to.id}/{proxy+}`,
    Target: sub(`integrations/\${${logicalId(from.id, integration)}}`),
    AuthorizationType: authorization === 'iam' ? 'AWS_IAM' : authorization === 'jwt' ? 'JWT' : 'NONE',
  };
  if (authorization === 'jwt') route.AuthorizerId = ref(logicalId(from.id, 'authorizer'));
  contributions.resource(from.id, `route-${to.id}`, { Type: 'AWS::ApiGatewayV2::Route', Properties: route });
}
