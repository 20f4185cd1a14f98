import { REST_ONLY_TARGETS } from '../api-service-integrations.ts';
import { ExpansionError } from '../expansion-error.ts';
import { expandHttpApi } from '../http-api-v2.ts';
import { defineKind, type RefineInput } from '../kind-definition.ts';
import { param } from '../params.ts';
import { expandRestApi } from '../rest-api.ts';

/**
 * The flavour an API ends up with: `http` unless something needs REST (a route to a topic or table, API
 * keys), and then `rest` unless `http` was asked for explicitly, which is an error naming what needs REST.
 * REST cannot route to a container service (that needs a network load balancer) nor take a JWT issuer; an
 * API has one user pool at most, and a user pool decides its authorization.
 */
function refine({ id, params, given, outgoing, incoming }: RefineInput) {
  const fail = (message: string) => {
    throw new ExpansionError(`API "${id}" ${message}`, { extensions: { component: id } });
  };
  const routes = outgoing.filter((l) => l.connection.access === 'route');
  const needsRest = routes
    .filter((l) => REST_ONLY_TARGETS.includes(l.peerKind))
    .map((l) => `its route to ${l.connection.to} (${l.peerKind})`);
  if (params.api_keys === true) needsRest.push('api_keys: true');
  if (given.flavor === 'http' && needsRest.length > 0)
    fail(`has flavor "http", but ${needsRest.join(' and ')} needs the REST flavour: use flavor "rest"`);
  const flavor = typeof given.flavor === 'string' ? given.flavor : needsRest.length > 0 ? 'rest' : 'http';
  const pools = incoming.filter((l) => l.connection.access === 'auth').map((l) => l.connection.from);
  if (pools.length > 1) fail(`is authorized by ${pools.length} user pools (${pools.join(', ')}): keep one`);
  if (pools.length === 1 && (given.authorization === 'iam' || given.authorization === 'none'))
    fail(
      `has authorization "${given.authorization}", but user pool ${pools[0]} authorizes it: remove one of the two`,
    );
  if (pools.length === 1 && (given.jwt_issuer ?? null) !== null)
    fail(`has a jwt_issuer, but user pool ${pools[0]} issues its tokens: remove one of the two`);
  if (flavor === 'rest') {
    const services = routes.filter((l) => l.peerKind === 'container_service').map((l) => l.connection.to);
    if (services.length > 0)
      fail(
        `has the REST flavour${given.flavor ? '' : ` (for ${needsRest.join(' and ')})`}, which cannot route to container service ${services.join(', ')}: use flavor "http" (and a second API for what needs REST)`,
      );
    if (params.authorization === 'jwt' && pools.length === 0)
      fail(
        'has the REST flavour, which has no JWT authorizer: connect a user_pool with auth, or use flavor "http"',
      );
    if ((params.cors_origins as string[]).length > 0)
      fail(
        'has cors_origins, which the knowledge base configures on the http flavour only: use flavor "http"',
      );
  }
  return flavor === params.flavor ? params : { ...params, flavor };
}

export default defineKind({
  kind: 'http_api',
  title: 'HTTP API',
  description:
    'An API Gateway API, `http` flavour (HTTP API, the default) or `rest` (REST API: stage with access logs, execution logging and tracing, request validation, usage plan and API keys when `api_keys` is true), with throttling and an authorizer (IAM, JWT, or a user_pool connected with `auth`). `route` connections add routes under `/<target>`: to a function (Lambda proxy), a container_service (private integration through a VPC link, http flavour only), or straight to an AWS service with one integration role per API: a queue (SendMessage), event_bus (PutEvents), stream (PutRecord), workflow (StartExecution, StartSyncExecution when Express) in both flavours; a topic (Publish) or kv_table (PutItem, GetItem, Query) on the rest flavour only, which these make the default.',
  awsResources: [
    'AWS::ApiGatewayV2::Api',
    'AWS::ApiGatewayV2::Stage',
    'AWS::ApiGatewayV2::Route',
    'AWS::ApiGatewayV2::Integration',
    'AWS::ApiGateway::RestApi',
    'AWS::ApiGateway::Method',
    'AWS::ApiGateway::Stage',
    'AWS::Lambda::Permission',
    'AWS::Logs::LogGroup',
    'AWS::IAM::Role',
    'AWS::ApiGatewayV2::VpcLink',
  ],
  network: 'when-connected',
  roles: { api: 'api', authorizer: 'authorizer' },
  params: [
    param({
      name: 'flavor',
      type: 'string',
      description:
        'http (API Gateway HTTP API) or rest (REST API: API keys, usage plans, SNS and DynamoDB integrations); a route to a topic or table, or api_keys, makes rest the default.',
      default: 'http',
      allowed: ['http', 'rest'],
    }),
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
      name: 'api_keys',
      type: 'boolean',
      description: 'Callers send an API key (usage plan with the stage throttling); rest flavour.',
      default: false,
    }),
    param({
      name: 'cors_origins',
      type: 'string_list',
      description: 'Origins allowed by CORS; empty for none (http flavour).',
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
  refine,
  expand: (ctx) => (ctx.params.flavor === 'rest' ? expandRestApi(ctx) : expandHttpApi(ctx)),
});
