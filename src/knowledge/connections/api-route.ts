import { type CfnValue, getAtt, ref, sub } from '../cfn.ts';
import type { ConnectionContext } from '../connection-family.ts';
import { DISCOVERY_ROLES, SERVICE_DISCOVERY } from '../service-discovery.ts';
import { VPC_LINK, VPC_LINK_ROLES } from '../vpc-link.ts';
import { peerSecurityGroupRules } from './peer-security-group-rules.ts';
import { lambdaPermission } from './resource-policy-delivery.ts';

/**
 * Private integration to a Fargate service: through the API's VPC link straight to the service's tasks,
 * found in Cloud Map. Chosen over an internal ALB listener because the API already terminates TLS,
 * authorises, throttles and logs every request: a second load balancer would add a hop, a certificate to
 * manage (or plain HTTP inside the VPC anyway) and a fixed monthly cost, and give nothing the API lacks.
 * ECS keeps Cloud Map current (tasks registered once healthy, deregistered before they stop) and
 * CloudFormation supports the whole chain. The service admits the VPC link's group on its port only.
 * (HTTP APIs only: a REST API would need a network load balancer; `refine` of http_api says so.)
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
 * An API routes `ANY /<target>/{proxy+}` to a function (Lambda proxy integration, with the permission for
 * this API, any stage and route, to invoke it) or a container service (private integration).
 */
export function apiRoute(ctx: ConnectionContext): void {
  const { from, to, contributions, logicalId } = ctx;
  const endpoints = contributions.inbound(from.id).apiEndpoints;
  if (to.definition.kind === 'container_service') {
    endpoints.push({ peer: to.id, method: 'ANY', path: '/{proxy+}', http: serviceIntegration(ctx) });
    return;
  }
  const apiId = logicalId(from.id, 'api');
  const functionArn = getAtt(logicalId(to.id, 'function'), 'Arn');
  lambdaPermission(
    ctx,
    from.id,
    `permission-${to.id}`,
    'apigateway.amazonaws.com',
    sub(`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${apiId}}/*/*`),
  );
  endpoints.push({
    peer: to.id,
    method: 'ANY',
    path: '/{proxy+}',
    http: { IntegrationType: 'AWS_PROXY', IntegrationUri: functionArn, PayloadFormatVersion: '2.0' },
    rest: {
      Type: 'AWS_PROXY',
      IntegrationHttpMethod: 'POST',
      Uri: sub(
        `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${logicalId(to.id, 'function')}.Arn}/invocations`,
      ),
    },
  });
}
