import { describe, expect, it } from 'vitest';
import type { Architecture } from '../../src/model/architecture.ts';
import { expandShop as expand, props, statementsOf } from './support/shop-architecture.ts';

const ofType = (t: ReturnType<typeof expand>, type: string) =>
  Object.entries(t.Resources)
    .filter(([, r]) => r.Type === type)
    .map(([id]) => id);

describe('HTTP API service integrations', () => {
  const t = expand(
    [
      { id: 'api', kind: 'http_api', params: {} },
      { id: 'jobs', kind: 'queue', params: {} },
      { id: 'checkout', kind: 'workflow', params: { type: 'EXPRESS' } },
    ],
    [
      { from: 'api', to: 'jobs', access: 'route' },
      { from: 'api', to: 'checkout', access: 'route' },
    ],
  );

  it('sends POST /jobs to SQS and POST /checkout to a synchronous Express execution', () => {
    expect(props(t.Resources.ApiIntegrationJobs)).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      IntegrationSubtype: 'SQS-SendMessage',
      CredentialsArn: { 'Fn::GetAtt': ['ApiIntegrationRole', 'Arn'] },
      RequestParameters: { QueueUrl: { Ref: 'JobsQueue' }, MessageBody: '$request.body' },
    });
    expect(props(t.Resources.ApiRouteJobs)).toMatchObject({
      RouteKey: 'POST /jobs',
      AuthorizationType: 'AWS_IAM',
    });
    expect(props(t.Resources.ApiIntegrationCheckout)).toMatchObject({
      IntegrationSubtype: 'StepFunctions-StartSyncExecution',
      RequestParameters: { StateMachineArn: { Ref: 'CheckoutStateMachine' }, Input: '$request.body' },
    });
  });

  it('gives the API one integration role, allowed exactly each target’s action on that target', () => {
    expect(statementsOf(props(t.Resources.ApiIntegrationRole)).map((s) => [s.Action, s.Resource])).toEqual([
      [['states:StartSyncExecution'], [{ Ref: 'CheckoutStateMachine' }]],
      [['sqs:SendMessage'], [{ 'Fn::GetAtt': ['JobsQueue', 'Arn'] }]],
    ]);
    expect(t.Resources.ApiApi?.Type).toBe('AWS::ApiGatewayV2::Api');
  });
});

describe('REST API', () => {
  const restComponents: Architecture['components'] = [
    { id: 'api', kind: 'http_api', params: {} },
    { id: 'alerts', kind: 'topic', params: {} },
    { id: 'orders', kind: 'kv_table', params: {} },
    { id: 'handler', kind: 'function', params: {} },
  ];
  const restConnections: Architecture['connections'] = [
    { from: 'api', to: 'alerts', access: 'route' },
    { from: 'api', to: 'orders', access: 'route' },
    { from: 'api', to: 'handler', access: 'route' },
  ];
  const t = expand(restComponents, restConnections);

  it('becomes the flavour when a route needs it, with methods under /<target>', () => {
    expect(t.Resources.ApiApi?.Type).toBe('AWS::ApiGateway::RestApi');
    expect(ofType(t, 'AWS::ApiGateway::Method').sort()).toEqual([
      'ApiMethodAlertsPost',
      'ApiMethodHandlerProxyAny',
      'ApiMethodOrdersPkGet',
      'ApiMethodOrdersPost',
      'ApiMethodOrdersSkGet',
    ]);
    expect(props(t.Resources.ApiResourceOrdersSk)).toMatchObject({
      ParentId: { Ref: 'ApiResourceOrdersPk' },
      PathPart: '{sk}',
    });
  });

  it('publishes to SNS and reads DynamoDB with mapping templates and the integration role', () => {
    const publish = props(t.Resources.ApiMethodAlertsPost);
    expect(publish).toMatchObject({
      HttpMethod: 'POST',
      AuthorizationType: 'AWS_IAM',
      RequestValidatorId: { Ref: 'ApiRequestValidator' },
      Integration: {
        Type: 'AWS',
        Credentials: { 'Fn::GetAtt': ['ApiIntegrationRole', 'Arn'] },
        // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub syntax
        Uri: { 'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:sns:action/Publish' },
        RequestTemplates: {
          'application/json': {
            'Fn::Sub': `Action=Publish&TopicArn=$util.urlEncode('\${AlertsTopic}')&Message=$util.urlEncode($input.body)`,
          },
        },
      },
    });
    const query = props(t.Resources.ApiMethodOrdersPkGet);
    expect(query.RequestParameters).toEqual({ 'method.request.path.pk': true });
    expect(JSON.stringify(query.Integration)).toContain('DynamoDB_20120810.Query');
    expect(JSON.stringify(props(t.Resources.ApiMethodOrdersSkGet).Integration)).toContain(
      'DynamoDB_20120810.GetItem',
    );
    expect(statementsOf(props(t.Resources.ApiIntegrationRole)).map((s) => s.Action)).toEqual([
      ['sns:Publish'],
      ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
    ]);
  });

  it('deploys to a stage named for the environment, with access logs, execution logs and tracing', () => {
    const [deployment] = ofType(t, 'AWS::ApiGateway::Deployment');
    expect(t.Resources[deployment!]!.DependsOn).toHaveLength(5);
    expect(props(t.Resources.ApiStage)).toMatchObject({
      StageName: 'prod',
      DeploymentId: { Ref: deployment },
      TracingEnabled: true,
      AccessLogSetting: { DestinationArn: { 'Fn::GetAtt': ['ApiAccessLogGroup', 'Arn'] } },
      MethodSettings: [{ ResourcePath: '/*', HttpMethod: '*', LoggingLevel: 'ERROR', MetricsEnabled: true }],
    });
    expect(t.Resources.ApiStage!.DependsOn).toEqual(['ApiAccount']);
    expect(t.Resources.ApiAccount!.DeletionPolicy).toBe('Retain');
    expect(t.Outputs?.ApiUrl?.Value).toEqual({
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub syntax
      'Fn::Sub': 'https://${ApiApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/prod/',
    });
  });

  it('redeploys when the routes change, and only then', () => {
    const again = expand(structuredClone(restComponents), structuredClone(restConnections));
    expect(ofType(again, 'AWS::ApiGateway::Deployment')).toEqual(ofType(t, 'AWS::ApiGateway::Deployment'));
    const fewer = expand(
      [
        { id: 'api', kind: 'http_api', params: {} },
        { id: 'alerts', kind: 'topic', params: {} },
      ],
      [{ from: 'api', to: 'alerts', access: 'route' }],
    );
    expect(ofType(fewer, 'AWS::ApiGateway::Deployment')).not.toEqual(
      ofType(t, 'AWS::ApiGateway::Deployment'),
    );
  });

  it('asks callers for an API key through a usage plan when api_keys is on', () => {
    const keyed = expand(
      [
        { id: 'api', kind: 'http_api', params: { api_keys: true } },
        { id: 'handler', kind: 'function', params: {} },
      ],
      [{ from: 'api', to: 'handler', access: 'route' }],
    );
    expect(props(keyed.Resources.ApiMethodHandlerProxyAny).ApiKeyRequired).toBe(true);
    expect(props(keyed.Resources.ApiUsagePlan)).toMatchObject({
      ApiStages: [{ ApiId: { Ref: 'ApiApi' }, Stage: { Ref: 'ApiStage' } }],
      Throttle: { RateLimit: 1000, BurstLimit: 2000 },
    });
    expect(props(keyed.Resources.ApiUsagePlanKey)).toMatchObject({
      KeyId: { Ref: 'ApiApiKey' },
      KeyType: 'API_KEY',
    });
  });
});

describe('API flavour errors', () => {
  const components: Architecture['components'] = [
    { id: 'alerts', kind: 'topic', params: {} },
    { id: 'web', kind: 'container_service', params: { image: 'nginx:1' } },
  ];

  it('names the connection that needs REST when http is asked for', () => {
    expect(() =>
      expand(
        [{ id: 'api', kind: 'http_api', params: { flavor: 'http' } }, ...components],
        [{ from: 'api', to: 'alerts', access: 'route' }],
      ),
    ).toThrow(
      'API "api" has flavor "http", but its route to alerts (topic) needs the REST flavour: use flavor "rest"',
    );
  });

  it('refuses a REST API routing to a container service, and says what to do', () => {
    expect(() =>
      expand(
        [{ id: 'api', kind: 'http_api', params: {} }, ...components],
        [
          { from: 'api', to: 'alerts', access: 'route' },
          { from: 'api', to: 'web', access: 'route' },
        ],
      ),
    ).toThrow(
      /REST flavour \(for its route to alerts \(topic\)\), which cannot route to container service web: use flavor "http"/,
    );
  });
});
