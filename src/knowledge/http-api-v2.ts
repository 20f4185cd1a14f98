import { type CfnValue, getAtt, ref, sub } from './cfn.ts';
import { apiIntegrationRole } from './api-integration-role.ts';
import type { KindContext, ResourceDraft } from './kind-definition.ts';
import { logGroup } from './log-group.ts';
import { VPC_LINK, vpcLink } from './vpc-link.ts';

const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  integrationError: '$context.integrationErrorMessage',
  // what the function or service behind the route answered, and how long it took (a VPC link or
  // Cloud Map failure shows here, not in `status`)
  integrationStatus: '$context.integration.status',
  integrationLatency: '$context.integration.latency',
});

/** The JWT authorizer: of the user pool connected with `auth`, else of the issuer in the params. */
function jwtAuthorizer(ctx: KindContext, apiId: string): ResourceDraft | null {
  const { params } = ctx;
  const pool = ctx.inbound.authorizers[0];
  let issuer: CfnValue;
  let audience: CfnValue;
  if (pool) {
    issuer = pool.issuer;
    audience = pool.appClientId;
  } else if (params.authorization === 'jwt') {
    issuer =
      params.jwt_issuer === null
        ? ctx.parameter(`${ctx.id}-jwt-issuer`, {
            Type: 'String',
            Description: `JWT issuer URL of API ${ctx.id}`,
            AllowedPattern: '^https://.+',
          })
        : (params.jwt_issuer as string);
    audience =
      params.jwt_audience === null
        ? ctx.parameter(`${ctx.id}-jwt-audience`, {
            Type: 'String',
            Description: `JWT audience of API ${ctx.id}`,
          })
        : (params.jwt_audience as string);
  } else return null;
  return {
    Type: 'AWS::ApiGatewayV2::Authorizer',
    Properties: {
      ApiId: ref(apiId),
      AuthorizerType: 'JWT',
      Name: pool ? `${ctx.id}-${pool.peer}` : `${ctx.id}-jwt`,
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: issuer, Audience: [audience] },
    },
  };
}

/**
 * An API Gateway v2 HTTP API: the `$default` stage with access logs and throttling, an integration and a
 * route per endpoint its connections describe (each with the API's authorization: IAM, none, or a JWT
 * authorizer of a user pool or an issuer), the VPC link when it routes into the VPC, and the integration
 * role when it integrates with AWS services directly.
 */
export function expandHttpApi(ctx: KindContext): Record<string, ResourceDraft> {
  const { params, inbound } = ctx;
  const apiId = ctx.logicalId('api');
  const out: Record<string, ResourceDraft> = {};
  const api: Record<string, CfnValue> = {
    Name: ctx.name(),
    ProtocolType: 'HTTP',
    Description: `${ctx.id} (${ctx.architecture.name}, ${ctx.environment})`,
  };
  const origins = params.cors_origins as string[];
  if (origins.length > 0) {
    api.CorsConfiguration = {
      AllowOrigins: [...origins].sort(),
      AllowMethods: ['DELETE', 'GET', 'OPTIONS', 'PATCH', 'POST', 'PUT'],
      AllowHeaders: ['authorization', 'content-type'],
      MaxAge: 600,
    };
  }
  out.api = { Type: 'AWS::ApiGatewayV2::Api', Properties: api };
  out['access-log-group'] = logGroup(ctx, `/aws/apigateway/${ctx.name()}`);
  out.stage = {
    Type: 'AWS::ApiGatewayV2::Stage',
    Properties: {
      ApiId: ref(apiId),
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: {
        DestinationArn: getAtt(ctx.logicalId('access-log-group'), 'Arn'),
        Format: ACCESS_LOG_FORMAT,
      },
      DefaultRouteSettings: {
        DetailedMetricsEnabled: true,
        ThrottlingBurstLimit: params.throttle_burst as number,
        ThrottlingRateLimit: params.throttle_rate as number,
      },
    },
  };
  const authorizer = jwtAuthorizer(ctx, apiId);
  if (authorizer) out.authorizer = authorizer;
  const authorizationType = authorizer ? 'JWT' : params.authorization === 'iam' ? 'AWS_IAM' : 'NONE';
  for (const endpoint of inbound.apiEndpoints) {
    const integration = `integration-${endpoint.peer}`;
    out[integration] = {
      Type: 'AWS::ApiGatewayV2::Integration',
      Properties: { ApiId: ref(apiId), ...endpoint.http, TimeoutInMillis: 29000 },
    };
    const route: Record<string, CfnValue> = {
      ApiId: ref(apiId),
      RouteKey: `${endpoint.method} /${endpoint.peer}${endpoint.path}`,
      Target: sub(`integrations/\${${ctx.logicalId(integration)}}`),
      AuthorizationType: authorizationType,
    };
    if (authorizer) route.AuthorizerId = ref(ctx.logicalId('authorizer'));
    out[`route-${endpoint.peer}`] = { Type: 'AWS::ApiGatewayV2::Route', Properties: route };
  }
  if (inbound.features.includes(VPC_LINK)) Object.assign(out, vpcLink(ctx));
  Object.assign(out, apiIntegrationRole(ctx));
  ctx.output(`${ctx.id}-url`, {
    Description: `Base URL of API ${ctx.id}`,
    Value: sub(`https://\${${apiId}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/`),
  });
  return out;
}
