// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub placeholders, not JavaScript templates

import { exactly } from '../resource-origin.ts';
import type { ApiRoutes } from './sam-api-routes.ts';
import { referencedId } from './sam-api-routes.ts';
import type { SamOutput } from './sam-output.ts';
import { attributes } from './sam-output.ts';
import type { SamSource } from './sam-source.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Event source types whose records Lambda polls: an event source mapping, and the managed policy it needs. */
const POLLED: Readonly<Record<string, { arn: string; policy?: string }>> = {
  SQS: { arn: 'Queue', policy: 'AWSLambdaSQSQueueExecutionRole' },
  Kinesis: { arn: 'Stream', policy: 'AWSLambdaKinesisExecutionRole' },
  DynamoDB: { arn: 'Stream', policy: 'AWSLambdaDynamoDBExecutionRole' },
  MSK: { arn: 'Stream', policy: 'AWSLambdaMSKExecutionRole' },
  MQ: { arn: 'Broker' },
  DocumentDB: { arn: 'Cluster' },
  SelfManagedKafka: { arn: 'KafkaBootstrapServers' },
};

/** Event source types that invoke the function through a permission for their service principal. */
const PUSHED: Readonly<Record<string, string>> = {
  S3: 's3.amazonaws.com',
  SNS: 'sns.amazonaws.com',
  Schedule: 'events.amazonaws.com',
  CloudWatchEvent: 'events.amazonaws.com',
  EventBridgeRule: 'events.amazonaws.com',
  CloudWatchLogs: 'logs.amazonaws.com',
  IoTRule: 'iot.amazonaws.com',
  AlexaSkill: 'alexa-appkit.amazon.com',
  Cognito: 'cognito-idp.amazonaws.com',
};

interface Target {
  /** `{Ref: Fn}` or `{Ref: FnAliaslive}`: what events invoke. */
  readonly ref: unknown;
  /** The same inside a `Fn::Sub`: `${Fn.Arn}` or `${FnAliaslive}`. */
  readonly sub: string;
  /** Its ARN for targets: `!GetAtt Fn.Arn` or `{Ref: FnAliaslive}` (an alias's Ref is its ARN). */
  readonly arn: unknown;
}

function without(record: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (!names.includes(key)) out[key] = value;
  return out;
}

/** `AutoPublishAlias`: a version and an alias, which events then invoke; else the function itself. */
function target(out: SamOutput, source: SamSource): Target {
  const id = source.logicalId;
  const alias = source.get('AutoPublishAlias');
  if (alias === undefined)
    return { ref: { Ref: id }, sub: `\${${id}.Arn}`, arn: { 'Fn::GetAtt': [id, 'Arn'] } };
  const aliasName = typeof alias === 'string' ? alias : 'alias';
  const versionId = `${id}Version`;
  const aliasId = `${id}Alias${aliasName.replace(/[^A-Za-z0-9]/g, '')}`;
  out.emit(
    versionId,
    { Type: 'AWS::Lambda::Version', DeletionPolicy: 'Retain', Properties: { FunctionName: { Ref: id } } },
    source,
  );
  out.emit(
    aliasId,
    {
      Type: 'AWS::Lambda::Alias',
      Properties: {
        Name: alias,
        FunctionName: { Ref: id },
        FunctionVersion: { 'Fn::GetAtt': [versionId, 'Version'] },
      },
    },
    source,
    [exactly(source.at('AutoPublishAlias'))],
  );
  return { ref: { Ref: aliasId }, sub: `\${${aliasId}}`, arn: { Ref: aliasId } };
}

function permission(
  out: SamOutput,
  source: SamSource,
  id: string,
  pointer: string,
  properties: Record<string, unknown>,
): void {
  out.emit(
    id,
    { Type: 'AWS::Lambda::Permission', Properties: { Action: 'lambda:InvokeFunction', ...properties } },
    source,
    [exactly(pointer)],
  );
}

function functionUrl(out: SamOutput, source: SamSource, fn: Target): void {
  const config = source.get('FunctionUrlConfig');
  if (!isRecord(config)) return;
  const id = source.logicalId;
  const pointer = source.at('FunctionUrlConfig');
  out.emit(
    `${id}Url`,
    { Type: 'AWS::Lambda::Url', Properties: { TargetFunctionArn: fn.ref, ...config } },
    source,
    [['/Properties', pointer]],
  );
  if (config.AuthType === 'NONE') {
    out.emit(
      `${id}UrlPublicPermissions`,
      {
        Type: 'AWS::Lambda::Permission',
        Properties: {
          Action: 'lambda:InvokeFunctionUrl',
          FunctionName: fn.ref,
          Principal: '*',
          FunctionUrlAuthType: 'NONE',
        },
      },
      source,
      [exactly(pointer)],
    );
    out.emit(
      `${id}URLInvokeAllowPublicAccess`,
      {
        Type: 'AWS::Lambda::Permission',
        Properties: {
          Action: 'lambda:InvokeFunction',
          FunctionName: fn.ref,
          Principal: '*',
          InvokedViaFunctionUrl: true,
        },
      },
      source,
      [exactly(pointer)],
    );
  }
}

function apiRoute(
  routes: ApiRoutes,
  out: SamOutput,
  source: SamSource,
  name: string,
  kind: 'rest' | 'http',
  properties: Record<string, unknown>,
  fn: Target,
  pointer: string,
  permit: boolean,
): void {
  const explicit = referencedId(kind === 'rest' ? properties.RestApiId : properties.ApiId);
  const apiId = explicit ?? (kind === 'rest' ? 'ServerlessRestApi' : 'ServerlessHttpApi');
  const path = typeof properties.Path === 'string' ? properties.Path : kind === 'http' ? '$default' : '/';
  const rawMethod = typeof properties.Method === 'string' ? properties.Method.toLowerCase() : 'any';
  const method = rawMethod === 'any' ? 'x-amazon-apigateway-any-method' : rawMethod;
  routes.add(kind, apiId, { path, method, target: fn.sub, auth: properties.Auth, source, pointer });
  if (!permit) return;
  const arnMethod = rawMethod === 'any' ? '*' : rawMethod.toUpperCase();
  const arnPath = path === '$default' ? '*' : path.replace(/\{[^}]*\}/g, '*').replace(/^\//, '');
  const partition = kind === 'rest' ? 'aws' : '${AWS::Partition}';
  const suffix = kind === 'rest' ? (explicit ? 'Stage' : 'Prod') : '';
  permission(out, source, `${source.logicalId}${name}Permission${suffix}`, pointer, {
    FunctionName: fn.ref,
    Principal: 'apigateway.amazonaws.com',
    SourceArn: {
      'Fn::Sub': [
        `arn:${partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${__ApiId__}/\${__Stage__}/${arnMethod}/${arnPath}`,
        { __ApiId__: { Ref: apiId }, __Stage__: '*' },
      ],
    },
  });
}

function httpApiOf(properties: Record<string, unknown>): string {
  return referencedId(properties.ApiId) ?? 'ServerlessHttpApi';
}

function isDefaultRoute(properties: Record<string, unknown>): boolean {
  return properties.Path === undefined || properties.Path === '$default';
}

/** HTTP APIs a function has a `$default` route on: that route's permission covers every other route. */
function httpApisWithDefaultRoute(events: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  for (const event of Object.values(events)) {
    if (!isRecord(event) || event.Type !== 'HttpApi') continue;
    const properties = isRecord(event.Properties) ? event.Properties : {};
    if (isDefaultRoute(properties)) out.add(httpApiOf(properties));
  }
  return out;
}

/** The pushed event's own resource (rule, subscription, filter), when it has one. */
function pushedResource(
  type: string,
  id: string,
  properties: Record<string, unknown>,
  fn: Target,
): { Type: string; Properties: Record<string, unknown> } | undefined {
  switch (type) {
    case 'Schedule':
    case 'CloudWatchEvent':
    case 'EventBridgeRule': {
      const rule: Record<string, unknown> = without(properties, [
        'Schedule',
        'Pattern',
        'Enabled',
        'Input',
        'InputPath',
        'Target',
        'DeadLetterConfig',
        'RetryPolicy',
      ]);
      if (properties.Schedule !== undefined) rule.ScheduleExpression = properties.Schedule;
      if (properties.Pattern !== undefined) rule.EventPattern = properties.Pattern;
      if (properties.Enabled !== undefined) rule.State = properties.Enabled ? 'ENABLED' : 'DISABLED';
      const targetEntry: Record<string, unknown> = { Arn: fn.arn, Id: `${id}LambdaTarget` };
      if (properties.Input !== undefined) targetEntry.Input = properties.Input;
      if (properties.InputPath !== undefined) targetEntry.InputPath = properties.InputPath;
      rule.Targets = [targetEntry];
      return { Type: 'AWS::Events::Rule', Properties: rule };
    }
    case 'SNS': {
      const subscription: Record<string, unknown> = {
        Endpoint: fn.ref,
        Protocol: 'lambda',
        TopicArn: properties.Topic,
      };
      if (properties.FilterPolicy !== undefined) subscription.FilterPolicy = properties.FilterPolicy;
      if (properties.Region !== undefined) subscription.Region = properties.Region;
      return { Type: 'AWS::SNS::Subscription', Properties: subscription };
    }
    case 'CloudWatchLogs':
      return {
        Type: 'AWS::Logs::SubscriptionFilter',
        Properties: {
          DestinationArn: fn.ref,
          FilterPattern: properties.FilterPattern,
          LogGroupName: properties.LogGroupName,
        },
      };
    case 'IoTRule':
      return {
        Type: 'AWS::IoT::TopicRule',
        Properties: {
          TopicRulePayload: {
            AwsIotSqlVersion: properties.AwsIotSqlVersion,
            Sql: properties.Sql,
            RuleDisabled: false,
            Actions: [{ Lambda: { FunctionArn: fn.arn } }],
          },
        },
      };
    default:
      return undefined;
  }
}

/** Where a pushed event's permission gets its source restriction from. */
function sourceRestriction(
  type: string,
  id: string,
  properties: Record<string, unknown>,
): Record<string, unknown> {
  if (type === 'S3') return { SourceAccount: { Ref: 'AWS::AccountId' } };
  if (type === 'SNS') return { SourceArn: properties.Topic };
  if (type === 'Cognito' || type === 'AlexaSkill') return {};
  if (type === 'CloudWatchLogs') {
    return {
      SourceArn: {
        'Fn::Sub': [
          'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${__LogGroupName__}:*',
          { __LogGroupName__: properties.LogGroupName },
        ],
      },
    };
  }
  return { SourceArn: { 'Fn::GetAtt': [id, 'Arn'] } };
}

/**
 * What a function's `Events` make: event source mappings (with the managed policy the role then needs),
 * rules, subscriptions and permissions, and routes on APIs (collected in `routes` for the API expansion).
 * Returns the managed policies the execution role gets for the polled sources.
 */
export function functionEvents(
  out: SamOutput,
  source: SamSource,
  routes: ApiRoutes,
): { managedPolicies: { name: string; pointer: string }[] } {
  const fn = target(out, source);
  functionUrl(out, source, fn);
  const config = source.get('EventInvokeConfig');
  if (isRecord(config)) {
    out.emit(
      `${source.logicalId}EventInvokeConfig`,
      {
        Type: 'AWS::Lambda::EventInvokeConfig',
        Properties: { FunctionName: { Ref: source.logicalId }, Qualifier: '$LATEST', ...config },
      },
      source,
      [['/Properties', source.at('EventInvokeConfig')]],
    );
  }
  const managedPolicies: { name: string; pointer: string }[] = [];
  const events = source.get('Events');
  if (!isRecord(events)) return { managedPolicies };
  const coveredByDefault = httpApisWithDefaultRoute(events);
  for (const [name, event] of Object.entries(events)) {
    const pointer = source.at('Events', name);
    const type = isRecord(event) ? event.Type : undefined;
    const properties = isRecord(event) && isRecord(event.Properties) ? event.Properties : {};
    const id = `${source.logicalId}${name}`;
    if (type === 'Api' || type === 'HttpApi') {
      const kind = type === 'Api' ? 'rest' : 'http';
      const permit =
        kind === 'rest' || isDefaultRoute(properties) || !coveredByDefault.has(httpApiOf(properties));
      apiRoute(routes, out, source, name, kind, properties, fn, pointer, permit);
      continue;
    }
    if (typeof type === 'string' && POLLED[type]) {
      const { arn, policy } = POLLED[type];
      const mapping = {
        FunctionName: fn.ref,
        EventSourceArn: properties[arn],
        ...without(properties, [arn]),
      };
      out.emit(
        id,
        { ...conditionOf(source), Type: 'AWS::Lambda::EventSourceMapping', Properties: mapping },
        source,
        [exactly(pointer)],
      );
      if (policy && !managedPolicies.some((p) => p.name === policy))
        managedPolicies.push({ name: policy, pointer });
      continue;
    }
    if (typeof type === 'string' && PUSHED[type]) {
      const resource = pushedResource(type, id, properties, fn);
      if (resource) out.emit(id, { ...conditionOf(source), ...resource }, source, [exactly(pointer)]);
      permission(out, source, `${id}Permission`, pointer, {
        FunctionName: fn.ref,
        Principal: PUSHED[type],
        ...sourceRestriction(type, id, properties),
      });
      continue;
    }
    out.problem(
      source,
      pointer,
      `the event source type ${String(type)} of ${source.logicalId} is not modelled; what it creates was not checked`,
    );
  }
  return { managedPolicies };
}

function conditionOf(source: SamSource): Record<string, unknown> {
  return attributes(source).Condition === undefined ? {} : { Condition: source.raw.Condition };
}
