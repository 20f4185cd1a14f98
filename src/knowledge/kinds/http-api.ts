import { type CfnValue, getAtt, ref, sub } from '../cfn.ts';
import { defineKind, type ResourceDraft } from '../kind-definition.ts';
import { logGroup } from '../log-group.ts';
import { param } from '../params.ts';
import { VPC_LINK, vpcLink } from '../vpc-link.ts';

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

export default defineKind({
  kind: 'http_api',
  title: 'HTTP API',
  description:
    "An API Gateway HTTP API with a default stage, access logging, throttling and an authorizer; each `route` connection to a function adds a route, an integration and the invoke permission; a `route` to a container_service adds a private integration through a VPC link to the service's tasks (Cloud Map), admitted on its port from the VPC link only.",
  awsResources: [
    'AWS::ApiGatewayV2::Api',
    'AWS::ApiGatewayV2::Stage',
    'AWS::ApiGatewayV2::Route',
    'AWS::ApiGatewayV2::Integration',
    'AWS::Lambda::Permission',
    'AWS::Logs::LogGroup',
    'AWS::ApiGatewayV2::VpcLink',
  ],
  network: 'when-connected',
  roles: { api: 'api', authorizer: 'authorizer' },
  params: [
    param({
      name: 'authorization',
      type: 'string',
      description: 'How callers authenticate: AWS IAM (SigV4), a JWT issuer, or none (public).',
      default: 'iam',
      allowed: ['iam', 'jwt', 'none'],
    }),
    param({
      name: 'jwt_issuer',
      type: 'string',
      description: 'JWT issuer URL when authorization is jwt (otherwise a template parameter).',
      default: null,
      pattern: '^https://',
    }),
    param({
      name: 'jwt_audience',
      type: 'string',
      description: 'JWT audience when authorization is jwt (otherwise a template parameter).',
      default: null,
    }),
    param({
      name: 'cors_origins',
      type: 'string_list',
      description: 'Origins allowed by CORS; empty for none.',
      default: [],
    }),
    param({
      name: 'throttle_rate',
      type: 'integer',
      unit: 'requests/s',
      description: 'Steady-state request rate limit of the stage.',
      default: { dev: 50, staging: 100, prod: 1000 },
      min: 1,
      max: 100000,
    }),
    param({
      name: 'throttle_burst',
      type: 'integer',
      unit: 'requests',
      description: 'Burst limit of the stage.',
      default: { dev: 100, staging: 200, prod: 2000 },
      min: 1,
      max: 100000,
    }),
    param({
      name: 'requests_per_month',
      type: 'integer',
      unit: 'requests/month',
      description: 'Cost assumption: requests per month.',
      default: 1_000_000,
      min: 0,
      usage: true,
    }),
  ],
  expand(ctx) {
    const { params } = ctx;
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
    if (params.authorization === 'jwt') {
      const issuer =
        params.jwt_issuer === null
          ? ctx.parameter(`${ctx.id}-jwt-issuer`, {
              Type: 'String',
              Description: `JWT issuer URL of API ${ctx.id}`,
              AllowedPattern: '^https://.+',
            })
          : (params.jwt_issuer as string);
      const audience =
        params.jwt_audience === null
          ? ctx.parameter(`${ctx.id}-jwt-audience`, {
              Type: 'String',
              Description: `JWT audience of API ${ctx.id}`,
            })
          : (params.jwt_audience as string);
      out.authorizer = {
        Type: 'AWS::ApiGatewayV2::Authorizer',
        Properties: {
          ApiId: ref(apiId),
          AuthorizerType: 'JWT',
          Name: `${ctx.id}-jwt`,
          IdentitySource: ['$request.header.Authorization'],
          JwtConfiguration: { Issuer: issuer, Audience: [audience] },
        },
      };
    }
    if (ctx.inbound.features.includes(VPC_LINK)) Object.assign(out, vpcLink(ctx));
    ctx.output(`${ctx.id}-url`, {
      Description: `Base URL of API ${ctx.id}`,
      Value: sub(`https://\${${apiId}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/`),
    });
    return out;
  },
});
