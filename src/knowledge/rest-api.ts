import { createHash } from 'node:crypto';
import { apiIntegrationRole } from './api-integration-role.ts';
import type { ApiEndpoint } from './api-endpoint.ts';
import { type CfnValue, getAtt, ref, sub } from './cfn.ts';
import { assumeRolePolicy, inlinePolicies, statement } from './iam.ts';
import type { KindContext, ResourceDraft } from './kind-definition.ts';
import { logGroup } from './log-group.ts';

const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  resourcePath: '$context.resourcePath',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  integrationError: '$context.integration.error',
  integrationStatus: '$context.integration.status',
  integrationLatency: '$context.integration.latency',
});

/** Path resources below `/<peer>`: role suffix, path part, parent suffix. */
const PATHS: Record<ApiEndpoint['path'], { suffix: string; parts: [string, string, string][] }> = {
  '': { suffix: '', parts: [] },
  '/{proxy+}': { suffix: '-proxy', parts: [['-proxy', '{proxy+}', '']] },
  '/{pk}': { suffix: '-pk', parts: [['-pk', '{pk}', '']] },
  '/{pk}/{sk}': {
    suffix: '-sk',
    parts: [
      ['-pk', '{pk}', ''],
      ['-sk', '{sk}', '-pk'],
    ],
  },
};

const PATH_PARAMETERS: Record<ApiEndpoint['path'], string[]> = {
  '': [],
  '/{proxy+}': ['proxy'],
  '/{pk}': ['pk'],
  '/{pk}/{sk}': ['pk', 'sk'],
};

/**
 * The account-wide role API Gateway writes REST execution and access logs with (AWS::ApiGateway::Account
 * is one setting per account and region): allowed on API Gateway's own log groups only, and retained, as
 * other stacks' APIs rely on the same setting (see docs/decisions/0012).
 */
function cloudWatchRole(ctx: KindContext): Record<string, ResourceDraft> {
  const group = (name: string) =>
    sub(`arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:${name}`);
  const retain = { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' } as const;
  return {
    'cloudwatch-role': {
      Type: 'AWS::IAM::Role',
      ...retain,
      Properties: {
        Description: 'API Gateway account role: REST API execution and access logs',
        AssumeRolePolicyDocument: assumeRolePolicy('apigateway.amazonaws.com', true),
        Policies: inlinePolicies('api-gateway-logs', [
          statement('FindLogGroups', ['logs:DescribeLogGroups'], [group('*')]),
          statement(
            'WriteApiGatewayLogs',
            [
              'logs:CreateLogGroup',
              'logs:CreateLogStream',
              'logs:DescribeLogStreams',
              'logs:FilterLogEvents',
              'logs:GetLogEvents',
              'logs:PutLogEvents',
            ],
            [
              group('API-Gateway-Execution-Logs_*'),
              group('API-Gateway-Execution-Logs_*:log-stream:*'),
              group('/aws/apigateway/*'),
              group('/aws/apigateway/*:log-stream:*'),
            ],
          ),
        ]),
      },
    },
    account: {
      Type: 'AWS::ApiGateway::Account',
      ...retain,
      Properties: { CloudWatchRoleArn: getAtt(ctx.logicalId('cloudwatch-role'), 'Arn') },
    },
  };
}

/** The method's authorization: the user pool's Cognito authorizer, else IAM or none as the params say. */
function authorization(ctx: KindContext): Record<string, CfnValue> {
  if (ctx.inbound.authorizers.length > 0)
    return { AuthorizationType: 'COGNITO_USER_POOLS', AuthorizerId: ref(ctx.logicalId('authorizer')) };
  return { AuthorizationType: ctx.params.authorization === 'iam' ? 'AWS_IAM' : 'NONE' };
}

/** Resources and methods of the API's endpoints: `/<peer>` and the paths below it. */
function routes(ctx: KindContext, apiId: string): Record<string, ResourceDraft> {
  const out: Record<string, ResourceDraft> = {};
  const auth = authorization(ctx);
  for (const endpoint of ctx.inbound.apiEndpoints) {
    const base = `resource-${endpoint.peer}`;
    out[base] ??= {
      Type: 'AWS::ApiGateway::Resource',
      Properties: {
        RestApiId: ref(apiId),
        ParentId: getAtt(apiId, 'RootResourceId'),
        PathPart: endpoint.peer,
      },
    };
    const { suffix, parts } = PATHS[endpoint.path];
    for (const [part, pathPart, parent] of parts) {
      out[`${base}${part}`] ??= {
        Type: 'AWS::ApiGateway::Resource',
        Properties: {
          RestApiId: ref(apiId),
          ParentId: ref(ctx.logicalId(`${base}${parent}`)),
          PathPart: pathPart,
        },
      };
    }
    const method: Record<string, CfnValue> = {
      RestApiId: ref(apiId),
      ResourceId: ref(ctx.logicalId(`${base}${suffix}`)),
      HttpMethod: endpoint.method,
      ...auth,
      ApiKeyRequired: ctx.params.api_keys === true,
      RequestValidatorId: ref(ctx.logicalId('request-validator')),
      Integration: { ...endpoint.rest, TimeoutInMillis: 29000 },
    };
    const names = PATH_PARAMETERS[endpoint.path];
    if (names.length > 0)
      method.RequestParameters = Object.fromEntries(names.map((n) => [`method.request.path.${n}`, true]));
    if (endpoint.rest?.Type === 'AWS')
      method.MethodResponses = [{ StatusCode: '200' }, { StatusCode: '400' }, { StatusCode: '500' }];
    out[`method-${endpoint.peer}${suffix}-${endpoint.method.toLowerCase()}`] = {
      Type: 'AWS::ApiGateway::Method',
      Properties: method,
    };
  }
  return out;
}

/** Usage plan, API key and their link, when the API asks callers for keys. */
function apiKeys(ctx: KindContext, apiId: string): Record<string, ResourceDraft> {
  return {
    'usage-plan': {
      Type: 'AWS::ApiGateway::UsagePlan',
      Properties: {
        UsagePlanName: ctx.name(),
        ApiStages: [{ ApiId: ref(apiId), Stage: ref(ctx.logicalId('stage')) }],
        Throttle: {
          RateLimit: ctx.params.throttle_rate as number,
          BurstLimit: ctx.params.throttle_burst as number,
        },
      },
    },
    'api-key': { Type: 'AWS::ApiGateway::ApiKey', Properties: { Name: ctx.name('key'), Enabled: true } },
    'usage-plan-key': {
      Type: 'AWS::ApiGateway::UsagePlanKey',
      Properties: {
        KeyId: ref(ctx.logicalId('api-key')),
        KeyType: 'API_KEY',
        UsagePlanId: ref(ctx.logicalId('usage-plan')),
      },
    },
  };
}

/**
 * An API Gateway REST API (regional): a resource and methods per endpoint its connections describe, with
 * request validation and the API's authorization (IAM, none, or the Cognito authorizer of its user pool;
 * API keys when asked), a deployment named after what it deploys (so a change redeploys), a stage named
 * after the environment with access logs, execution logging, X-Ray tracing and throttling, the account's
 * CloudWatch role that logging needs, and the integration role for direct service integrations.
 */
export function expandRestApi(ctx: KindContext): Record<string, ResourceDraft> {
  const { params } = ctx;
  const apiId = ctx.logicalId('api');
  const out: Record<string, ResourceDraft> = {
    api: {
      Type: 'AWS::ApiGateway::RestApi',
      Properties: {
        Name: ctx.name(),
        Description: `${ctx.id} (${ctx.architecture.name}, ${ctx.environment})`,
        EndpointConfiguration: { Types: ['REGIONAL'] },
        ApiKeySourceType: 'HEADER',
      },
    },
    'request-validator': {
      Type: 'AWS::ApiGateway::RequestValidator',
      Properties: {
        RestApiId: ref(apiId),
        Name: `${ctx.id}-validate`,
        ValidateRequestBody: true,
        ValidateRequestParameters: true,
      },
    },
  };
  const pool = ctx.inbound.authorizers[0];
  if (pool) {
    out.authorizer = {
      Type: 'AWS::ApiGateway::Authorizer',
      Properties: {
        RestApiId: ref(apiId),
        Name: `${ctx.id}-${pool.peer}`,
        Type: 'COGNITO_USER_POOLS',
        ProviderARNs: [pool.userPoolArn],
        IdentitySource: 'method.request.header.Authorization',
      },
    };
  }
  const methods = routes(ctx, apiId);
  Object.assign(out, methods);
  Object.assign(out, apiIntegrationRole(ctx));
  // API Gateway refuses to deploy a REST API without methods: nothing is served until something is routed.
  if (Object.keys(methods).length === 0) return out;
  // CloudFormation deploys a REST API once per Deployment resource: name it after what it deploys.
  const fingerprint = createHash('sha256').update(JSON.stringify(methods)).digest('hex').slice(0, 8);
  const deployment = `deployment-${fingerprint}`;
  const methodIds = Object.keys(methods)
    .filter((role) => role.startsWith('method-'))
    .map((role) => ctx.logicalId(role))
    .sort();
  out[deployment] = {
    Type: 'AWS::ApiGateway::Deployment',
    ...(methodIds.length > 0 ? { DependsOn: methodIds } : {}),
    Properties: { RestApiId: ref(apiId), Description: `${ctx.id} ${fingerprint}` },
  };
  out['access-log-group'] = logGroup(ctx, `/aws/apigateway/${ctx.name()}`);
  Object.assign(out, cloudWatchRole(ctx));
  out.stage = {
    Type: 'AWS::ApiGateway::Stage',
    DependsOn: [ctx.logicalId('account')],
    Properties: {
      RestApiId: ref(apiId),
      DeploymentId: ref(ctx.logicalId(deployment)),
      StageName: ctx.environment,
      TracingEnabled: true,
      AccessLogSetting: {
        DestinationArn: getAtt(ctx.logicalId('access-log-group'), 'Arn'),
        Format: ACCESS_LOG_FORMAT,
      },
      MethodSettings: [
        {
          ResourcePath: '/*',
          HttpMethod: '*',
          LoggingLevel: ctx.prod ? 'ERROR' : 'INFO',
          DataTraceEnabled: false,
          MetricsEnabled: true,
          ThrottlingRateLimit: params.throttle_rate as number,
          ThrottlingBurstLimit: params.throttle_burst as number,
        },
      ],
    },
  };
  if (params.api_keys === true) {
    Object.assign(out, apiKeys(ctx, apiId));
    ctx.output(`${ctx.id}-api-key-id`, {
      Description: `Id of the API key of ${ctx.id} (aws apigateway get-api-key --include-value shows it)`,
      Value: ref(ctx.logicalId('api-key')),
    });
  }
  ctx.output(`${ctx.id}-url`, {
    Description: `Base URL of API ${ctx.id}`,
    Value: sub(`https://\${${apiId}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/${ctx.environment}/`),
  });
  return out;
}
