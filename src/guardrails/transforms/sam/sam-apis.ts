// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub placeholders, not JavaScript templates
import type { PathMapping } from '../resource-origin.ts';
import { exactly } from '../resource-origin.ts';
import type { ApiRoute } from './sam-api-routes.ts';
import type { SamOutput } from './sam-output.ts';
import { attributes, copyProperties, sameNames, tagList } from './sam-output.ts';
import type { SamSource } from './sam-source.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** The authorizer a route uses: its own `Auth.Authorizer`, else the API's default; `NONE` means none. */
function authorizerOf(route: ApiRoute, apiAuth: Record<string, unknown>): string | undefined {
  const own = isRecord(route.auth) ? route.auth.Authorizer : undefined;
  const name = own ?? apiAuth.DefaultAuthorizer;
  return typeof name === 'string' && name !== 'NONE' ? name : undefined;
}

/** The OpenAPI body: the one written (`DefinitionBody`), else a new one; each route's integration added. */
function body(
  source: SamSource,
  routes: readonly ApiRoute[],
  kind: 'rest' | 'http',
): { Body?: unknown; BodyS3Location?: unknown } {
  const uri = source.get('DefinitionUri');
  if (uri !== undefined && source.get('DefinitionBody') === undefined) {
    const match = typeof uri === 'string' ? /^s3:\/\/([^/]+)\/(.+)$/.exec(uri) : null;
    return { BodyS3Location: match ? { Bucket: match[1], Key: match[2] } : uri };
  }
  const written = source.get('DefinitionBody');
  const document: Record<string, unknown> = isRecord(written)
    ? clone(written)
    : kind === 'rest'
      ? { swagger: '2.0', info: { version: '1.0', title: { Ref: 'AWS::StackName' } }, paths: {} }
      : { openapi: '3.0.1', info: { version: '1.0', title: { Ref: 'AWS::StackName' } }, paths: {} };
  const paths = isRecord(document.paths) ? document.paths : {};
  document.paths = paths;
  const auth = isRecord(source.get('Auth')) ? (source.get('Auth') as Record<string, unknown>) : {};
  const used = new Set<string>();
  for (const route of routes) {
    const item = isRecord(paths[route.path]) ? (paths[route.path] as Record<string, unknown>) : {};
    paths[route.path] = item;
    const operation: Record<string, unknown> = {
      'x-amazon-apigateway-integration': {
        httpMethod: 'POST',
        type: 'aws_proxy',
        uri: {
          'Fn::Sub': `arn:${kind === 'rest' ? 'aws' : '${AWS::Partition}'}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/${route.target}/invocations`,
        },
        ...(kind === 'http' ? { payloadFormatVersion: '2.0' } : {}),
      },
      responses: {},
    };
    const authorizer = authorizerOf(route, auth);
    if (authorizer) {
      operation.security = [{ [authorizer]: [] }];
      used.add(authorizer);
    }
    item[route.method] = operation;
  }
  if (kind === 'rest' && used.size > 0) document.securityDefinitions = securityDefinitions(used, auth);
  return { Body: document };
}

/** Swagger security definitions of the authorizers routes use: IAM (SigV4), Cognito user pools, Lambda. */
function securityDefinitions(
  used: ReadonlySet<string>,
  auth: Record<string, unknown>,
): Record<string, unknown> {
  const declared = isRecord(auth.Authorizers) ? auth.Authorizers : {};
  const out: Record<string, unknown> = {};
  for (const name of [...used].sort()) {
    const base = { in: 'header', type: 'apiKey', name: 'Authorization' };
    if (name === 'AWS_IAM') {
      out[name] = { ...base, 'x-amazon-apigateway-authtype': 'awsSigv4' };
      continue;
    }
    const authorizer = isRecord(declared[name]) ? declared[name] : {};
    out[name] =
      authorizer.UserPoolArn !== undefined
        ? {
            ...base,
            'x-amazon-apigateway-authtype': 'cognito_user_pools',
            'x-amazon-apigateway-authorizer': {
              type: 'cognito_user_pools',
              providerARNs: [authorizer.UserPoolArn].flat(),
            },
          }
        : {
            ...base,
            'x-amazon-apigateway-authtype': 'custom',
            'x-amazon-apigateway-authorizer': { type: 'token', authorizerUri: authorizer.FunctionArn },
          };
  }
  return out;
}

function stageId(apiId: string, stageName: unknown, defaultStage: string): string {
  if (stageName === undefined) return `${apiId}${defaultStage}`;
  return typeof stageName === 'string'
    ? `${apiId}${stageName.replace(/[^A-Za-z0-9]/g, '')}Stage`
    : `${apiId}Stage`;
}

const REST_API_SAME = [
  'Name',
  'Description',
  'BinaryMediaTypes',
  'MinimumCompressionSize',
  'Mode',
  'DisableExecuteApiEndpoint',
  'ApiKeySourceType',
] as const;
const REST_STAGE_SAME = [
  'AccessLogSetting',
  'MethodSettings',
  'TracingEnabled',
  'CacheClusterEnabled',
  'CacheClusterSize',
  'Variables',
  'CanarySetting',
] as const;

/**
 * AWS::Serverless::Api (or the implicit `ServerlessRestApi` of `Api` events) → AWS::ApiGateway::RestApi with
 * the OpenAPI body, a Deployment and a Stage carrying the logging, tracing, caching and method settings.
 */
export function expandRestApi(
  out: SamOutput,
  source: SamSource,
  routes: readonly ApiRoute[],
  implicit: boolean,
): void {
  const id = source.logicalId;
  const api: Record<string, unknown> = { ...body(source, routes, 'rest') };
  copyProperties(source, REST_API_SAME, api);
  const endpoint = source.get('EndpointConfiguration');
  if (endpoint !== undefined)
    api.EndpointConfiguration = typeof endpoint === 'string' ? { Types: [endpoint] } : endpoint;
  const apiMappings: PathMapping[] = [
    ...sameNames(source, REST_API_SAME),
    ['/Properties/Body', source.at('DefinitionBody')],
    ['/Properties/EndpointConfiguration', source.at('EndpointConfiguration')],
  ];
  out.emit(
    id,
    { ...(implicit ? {} : attributes(source)), Type: 'AWS::ApiGateway::RestApi', Properties: api },
    source,
    apiMappings,
  );
  const deploymentId = `${id}Deployment`;
  out.emit(
    deploymentId,
    { Type: 'AWS::ApiGateway::Deployment', Properties: { RestApiId: { Ref: id }, StageName: 'Stage' } },
    source,
  );
  const stageName = implicit ? 'Prod' : source.get('StageName');
  const stage: Record<string, unknown> = {
    DeploymentId: { Ref: deploymentId },
    RestApiId: { Ref: id },
    StageName: stageName,
  };
  copyProperties(source, REST_STAGE_SAME, stage);
  const tags = source.get('Tags');
  if (tags !== undefined) stage.Tags = tagList(undefined, tags);
  out.emit(stageId(id, stageName, 'Stage'), { Type: 'AWS::ApiGateway::Stage', Properties: stage }, source, [
    ...sameNames(source, REST_STAGE_SAME),
    ['/Properties/StageName', source.at('StageName')],
  ]);
  domain(out, source, 'rest');
}

const HTTP_API_SAME = ['Name', 'Description', 'DisableExecuteApiEndpoint', 'FailOnWarnings'] as const;
const HTTP_STAGE_SAME = [
  'AccessLogSettings',
  'DefaultRouteSettings',
  'RouteSettings',
  'StageVariables',
] as const;

/**
 * AWS::Serverless::HttpApi (or the implicit `ServerlessHttpApi` of `HttpApi` events) → AWS::ApiGatewayV2::Api
 * with the OpenAPI body and an auto-deployed stage (`$default` unless `StageName` says otherwise).
 */
export function expandHttpApi(
  out: SamOutput,
  source: SamSource,
  routes: readonly ApiRoute[],
  implicit: boolean,
): void {
  const id = source.logicalId;
  const api: Record<string, unknown> = { ...body(source, routes, 'http') };
  copyProperties(source, HTTP_API_SAME, api);
  const cors = source.get('CorsConfiguration');
  if (cors !== undefined && isRecord(api.Body))
    (api.Body as Record<string, unknown>)['x-amazon-apigateway-cors'] = cors;
  out.emit(
    id,
    { ...(implicit ? {} : attributes(source)), Type: 'AWS::ApiGatewayV2::Api', Properties: api },
    source,
    [...sameNames(source, HTTP_API_SAME), ['/Properties/Body', source.at('DefinitionBody')]],
  );
  const stageName = source.get('StageName');
  const stage: Record<string, unknown> = {
    ApiId: { Ref: id },
    StageName: stageName ?? '$default',
    AutoDeploy: true,
  };
  copyProperties(source, HTTP_STAGE_SAME, stage);
  const tags = source.get('Tags');
  stage.Tags = { 'httpapi:createdBy': 'SAM', ...(isRecord(tags) ? tags : {}) };
  out.emit(
    stageId(id, stageName, 'ApiGatewayDefaultStage'),
    { Type: 'AWS::ApiGatewayV2::Stage', Properties: stage },
    source,
    [...sameNames(source, HTTP_STAGE_SAME), ['/Properties/StageName', source.at('StageName')]],
  );
  domain(out, source, 'http');
}

/** A custom `Domain`: the domain name resource, whose TLS policy and endpoint the guardrails check. */
function domain(out: SamOutput, source: SamSource, kind: 'rest' | 'http'): void {
  const config = source.get('Domain');
  if (!isRecord(config)) return;
  const pointer = source.at('Domain');
  const endpoint =
    typeof config.EndpointConfiguration === 'string' ? config.EndpointConfiguration : 'REGIONAL';
  const policy = config.SecurityPolicy;
  const properties: Record<string, unknown> =
    kind === 'rest'
      ? {
          DomainName: config.DomainName,
          EndpointConfiguration: { Types: [endpoint] },
          [endpoint === 'EDGE' ? 'CertificateArn' : 'RegionalCertificateArn']: config.CertificateArn,
          ...(policy !== undefined ? { SecurityPolicy: policy } : {}),
        }
      : {
          DomainName: config.DomainName,
          DomainNameConfigurations: [
            {
              CertificateArn: config.CertificateArn,
              EndpointType: endpoint,
              ...(policy !== undefined ? { SecurityPolicy: policy } : {}),
            },
          ],
        };
  out.emit(
    `${source.logicalId}DomainName`,
    {
      Type: kind === 'rest' ? 'AWS::ApiGateway::DomainName' : 'AWS::ApiGatewayV2::DomainName',
      Properties: properties,
    },
    source,
    [exactly(pointer), ['/Properties/SecurityPolicy', `${pointer}/SecurityPolicy`]],
  );
}
