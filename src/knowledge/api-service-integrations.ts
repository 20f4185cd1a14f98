import type { ComponentKind } from '../model/kinds.ts';
import { type CfnObject, type CfnValue, getAtt, ref, sub } from './cfn.ts';
import type { ConnectionEnd } from './connection-family.ts';
import { deliveryTarget } from './delivery-target.ts';
import { statement } from './iam.ts';
import type { PolicyStatement } from './kind-definition.ts';

/** The API flavours: API Gateway v2 HTTP APIs, and REST APIs. */
export type ApiFlavor = 'http' | 'rest';

/** One REST method of a service integration, below `/<target>`. */
export interface RestServiceMethod {
  readonly method: 'POST' | 'GET';
  /** '' (the target's path), '/{pk}' or '/{pk}/{sk}'. */
  readonly path: '' | '/{pk}' | '/{pk}/{sk}';
  /** The service action (`SendMessage`), its endpoint and request mapping. */
  readonly uri: CfnValue;
  readonly headers: Record<string, string>;
  readonly template: CfnValue;
}

/** How an API reaches one kind of AWS service directly, in each flavour it supports. */
export interface ServiceIntegration {
  readonly flavors: readonly ApiFlavor[];
  /** What the API's integration role may do on this target (and nothing else). */
  statements(target: ConnectionEnd): PolicyStatement[];
  /** HTTP API: the integration subtype and its request parameters (`POST /<target>`). */
  http?(target: ConnectionEnd, api: ConnectionEnd): { subtype: string; parameters: Record<string, CfnValue> };
  /** REST API: the methods, each an AWS integration with a request mapping template. */
  rest(target: ConnectionEnd, api: ConnectionEnd): RestServiceMethod[];
}

const action = (service: string, name: string) =>
  sub(`arn:\${AWS::Partition}:apigateway:\${AWS::Region}:${service}:action/${name}`);
const FORM = { 'Content-Type': "'application/x-www-form-urlencoded'" };
const json = (target: string, version = '1.1') => ({
  'Content-Type': `'application/x-amz-json-${version}'`,
  'X-Amz-Target': `'${target}'`,
});

/** The event a bus receives from an API route: the API is the source, the route the detail type. */
const detailType = (target: ConnectionEnd) => `POST /${target.id}`;

const express = (target: ConnectionEnd) => target.params.type === 'EXPRESS';

/**
 * The API Gateway service integrations the knowledge base writes, per target kind: SQS SendMessage,
 * EventBridge PutEvents, Kinesis PutRecord, Step Functions StartExecution (StartSyncExecution for Express
 * workflows, which answer with the result) in both flavours; SNS Publish and DynamoDB PutItem / GetItem /
 * Query on REST APIs only (HTTP APIs have no such integrations).
 */
export const SERVICE_INTEGRATIONS: Partial<Record<ComponentKind, ServiceIntegration>> = {
  queue: {
    flavors: ['http', 'rest'],
    statements: (t) => deliveryTarget(t).statements,
    http: (t, api) => ({
      subtype: 'SQS-SendMessage',
      parameters: {
        QueueUrl: ref(t.ref.logicalId('queue')),
        MessageBody: '$request.body',
        ...(t.params.fifo === true
          ? { MessageGroupId: api.id, MessageDeduplicationId: '$context.requestId' }
          : {}),
      },
    }),
    rest: (t, api) => [
      {
        method: 'POST',
        path: '',
        uri: sub(
          `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:sqs:path/\${AWS::AccountId}/\${${t.ref.logicalId('queue')}.QueueName}`,
        ),
        headers: FORM,
        template: `Action=SendMessage${t.params.fifo === true ? `&MessageGroupId=${api.id}&MessageDeduplicationId=$context.requestId` : ''}&MessageBody=$util.urlEncode($input.body)`,
      },
    ],
  },
  event_bus: {
    flavors: ['http', 'rest'],
    statements: (t) => deliveryTarget(t).statements,
    http: (t, api) => ({
      subtype: 'EventBridge-PutEvents',
      parameters: {
        EventBusName: ref(t.ref.logicalId('bus')),
        Source: api.id,
        DetailType: detailType(t),
        Detail: '$request.body',
      },
    }),
    rest: (t, api) => [
      {
        method: 'POST',
        path: '',
        uri: action('events', 'PutEvents'),
        headers: json('AWSEvents.PutEvents'),
        template: sub(
          `{"Entries":[{"EventBusName":"\${${t.ref.logicalId('bus')}}","Source":"${api.id}","DetailType":"${detailType(t)}","Detail":"$util.escapeJavaScript($input.body)"}]}`,
        ),
      },
    ],
  },
  stream: {
    flavors: ['http', 'rest'],
    statements: (t) => [
      statement(t.ref.sid('put-record'), ['kinesis:PutRecord'], [getAtt(t.ref.logicalId('stream'), 'Arn')]),
    ],
    http: (t) => ({
      subtype: 'Kinesis-PutRecord',
      parameters: {
        StreamName: ref(t.ref.logicalId('stream')),
        Data: '$request.body',
        PartitionKey: '$context.requestId',
      },
    }),
    rest: (t) => [
      {
        method: 'POST',
        path: '',
        uri: action('kinesis', 'PutRecord'),
        headers: json('Kinesis_20131202.PutRecord'),
        template: sub(
          `{"StreamName":"\${${t.ref.logicalId('stream')}}","Data":"$util.base64Encode($input.body)","PartitionKey":"$context.requestId"}`,
        ),
      },
    ],
  },
  workflow: {
    flavors: ['http', 'rest'],
    statements: (t) => [
      statement(
        t.ref.sid('start-execution'),
        [express(t) ? 'states:StartSyncExecution' : 'states:StartExecution'],
        [ref(t.ref.logicalId('state-machine'))],
      ),
    ],
    http: (t) => ({
      subtype: express(t) ? 'StepFunctions-StartSyncExecution' : 'StepFunctions-StartExecution',
      parameters: { StateMachineArn: ref(t.ref.logicalId('state-machine')), Input: '$request.body' },
    }),
    rest: (t) => {
      const name = express(t) ? 'StartSyncExecution' : 'StartExecution';
      return [
        {
          method: 'POST',
          path: '',
          uri: express(t)
            ? sub(`arn:\${AWS::Partition}:apigateway:\${AWS::Region}:sync-states:action/${name}`)
            : action('states', name),
          headers: json(`AWSStepFunctions.${name}`, '1.0'),
          template: sub(
            `{"stateMachineArn":"\${${t.ref.logicalId('state-machine')}}","input":"$util.escapeJavaScript($input.body)"}`,
          ),
        },
      ];
    },
  },
  topic: {
    flavors: ['rest'],
    statements: (t) => deliveryTarget(t).statements,
    rest: (t, api) => [
      {
        method: 'POST',
        path: '',
        uri: action('sns', 'Publish'),
        headers: FORM,
        template: sub(
          `Action=Publish&TopicArn=$util.urlEncode('\${${t.ref.logicalId('topic')}}')${t.params.fifo === true ? `&MessageGroupId=${api.id}&MessageDeduplicationId=$context.requestId` : ''}&Message=$util.urlEncode($input.body)`,
        ),
      },
    ],
  },
  kv_table: {
    flavors: ['rest'],
    statements: (t) => {
      const table = getAtt(t.ref.logicalId('table'), 'Arn');
      return [
        statement(t.ref.sid('items'), ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'], [table]),
      ];
    },
    rest: (t) => tableMethods(t),
  },
};

/**
 * A table behind a REST API: `POST /<table>` puts the item in the body (DynamoDB JSON), `GET /<table>/{pk}`
 * gets the item with that partition key (queries them, when the table has a sort key), and
 * `GET /<table>/{pk}/{sk}` gets one item by both keys.
 */
function tableMethods(t: ConnectionEnd): RestServiceMethod[] {
  const table = `\${${t.ref.logicalId('table')}}`;
  const pk = t.params.partition_key as string;
  const sk = t.params.sort_key as string | null;
  const keyValue = (name: string) => `{"S":"$util.escapeJavaScript($input.params('${name}'))"}`;
  const headers = (name: string) => json(`DynamoDB_20120810.${name}`, '1.0');
  const methods: RestServiceMethod[] = [
    {
      method: 'POST',
      path: '',
      uri: action('dynamodb', 'PutItem'),
      headers: headers('PutItem'),
      template: sub(`{"TableName":"${table}","Item":$input.json('$')}`),
    },
  ];
  if (sk === null) {
    methods.push({
      method: 'GET',
      path: '/{pk}',
      uri: action('dynamodb', 'GetItem'),
      headers: headers('GetItem'),
      template: sub(`{"TableName":"${table}","Key":{"${pk}":${keyValue('pk')}}}`),
    });
    return methods;
  }
  methods.push(
    {
      method: 'GET',
      path: '/{pk}',
      uri: action('dynamodb', 'Query'),
      headers: headers('Query'),
      template: sub(
        `{"TableName":"${table}","KeyConditionExpression":"#pk = :pk","ExpressionAttributeNames":{"#pk":"${pk}"},"ExpressionAttributeValues":{":pk":${keyValue('pk')}}}`,
      ),
    },
    {
      method: 'GET',
      path: '/{pk}/{sk}',
      uri: action('dynamodb', 'GetItem'),
      headers: headers('GetItem'),
      template: sub(`{"TableName":"${table}","Key":{"${pk}":${keyValue('pk')},"${sk}":${keyValue('sk')}}}`),
    },
  );
  return methods;
}

/** Kinds only the REST flavour integrates with: a route to one makes an API's default flavour `rest`. */
export const REST_ONLY_TARGETS: readonly ComponentKind[] = (
  Object.entries(SERVICE_INTEGRATIONS) as [ComponentKind, ServiceIntegration][]
)
  .filter(([, integration]) => !integration.flavors.includes('http'))
  .map(([kind]) => kind);

/** Used by the REST integration builder: the request headers as integration request parameters. */
export function restRequestParameters(headers: Record<string, string>): CfnObject {
  const out: CfnObject = {};
  for (const [name, value] of Object.entries(headers)) out[`integration.request.header.${name}`] = value;
  return out;
}
