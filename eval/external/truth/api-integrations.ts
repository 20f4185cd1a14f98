import type { EvalKind } from '../../eval-vocabulary.ts';
import { defaultBus } from './implied-nodes.ts';
import { parseDocument } from './parse-document.ts';
import { isRecord } from './template-context.ts';
import type { TruthGraph } from './truth-graph.ts';

/** The service in an API Gateway AWS integration URI (`arn:aws:apigateway:r:sqs:path/…`) → target kind. */
const URI_SERVICES: Readonly<Record<string, EvalKind>> = {
  sqs: 'queue',
  states: 'workflow',
  kinesis: 'stream',
  dynamodb: 'kv_table',
  sns: 'topic',
  events: 'event_bus',
  firehose: 'delivery_stream',
  s3: 'bucket',
  lambda: 'function',
};

/** HTTP API first-class integration subtypes (`SQS-SendMessage`) → target kind. */
const SUBTYPES: Readonly<Record<string, EvalKind>> = {
  SQS: 'queue',
  StepFunctions: 'workflow',
  EventBridge: 'event_bus',
  Kinesis: 'stream',
};

interface Integration {
  uri: unknown;
  subtype: unknown;
  /** Request templates, parameters: where the target of an AWS service integration is named. */
  details: unknown;
}

/** The components one integration sends requests to. */
function targetsOf(graph: TruthGraph, integration: Integration): string[] {
  const subtype = graph.ctx.canonical(integration.subtype);
  const uri = graph.ctx.canonical(integration.uri) ?? '';
  const service = /:apigateway:(?:\$\{[^}]*\}|[^:$]*):([a-z0-9-]+):(?:path|action)\//.exec(uri)?.[1];
  let kind: EvalKind | undefined = subtype ? SUBTYPES[subtype.split('-')[0] ?? ''] : undefined;
  if (kind === undefined && service !== undefined && !/lambda:path\//.test(uri)) kind = URI_SERVICES[service];
  if (kind === undefined) {
    // Lambda proxy integrations, and HTTP integrations through a VPC link to a Cloud Map service.
    return graph.nodesIn(integration.uri, ['function', 'container_service']);
  }
  const found = graph.nodesIn([integration.uri, integration.details], [kind]);
  if (found.length === 0 && kind === 'event_bus') return [defaultBus(graph)];
  return found;
}

/** `x-amazon-apigateway-integration` objects of an OpenAPI document (inline, included, or a local file). */
function openApiIntegrations(graph: TruthGraph, body: unknown, uri: unknown): Integration[] {
  let document = body;
  if (isRecord(body) && isRecord(body['Fn::Transform'])) {
    const parameters = body['Fn::Transform'].Parameters;
    const location = isRecord(parameters) ? graph.ctx.canonical(parameters.Location) : undefined;
    document = location === undefined ? undefined : read(graph, location);
  }
  if (document === undefined && typeof uri === 'string') document = read(graph, uri);
  const out: Integration[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 30) return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    if (!isRecord(v)) return;
    for (const [key, inner] of Object.entries(v)) {
      if (key === 'x-amazon-apigateway-integration' && isRecord(inner)) {
        out.push({
          uri: inner.uri,
          subtype: inner.integrationSubtype,
          details: [inner.requestTemplates, inner.requestParameters],
        });
      } else visit(inner, depth + 1);
    }
  };
  visit(document, 0);
  return out;
}

function read(graph: TruthGraph, location: string): unknown {
  if (/^s3:\/\//.test(location)) return undefined;
  const text = graph.ctx.readRelative(location);
  return text === undefined ? undefined : parseDocument(text);
}

/** Connections from APIs to what they integrate with: functions, containers, and AWS services directly. */
export function addApiEdges(graph: TruthGraph): void {
  const { ctx } = graph;
  const route = (api: string | undefined, integration: Integration) => {
    if (api === undefined) return;
    for (const target of targetsOf(graph, integration)) graph.connect(api, target, 'route', 'route');
  };
  for (const id of ctx.ofType('AWS::ApiGateway::Method')) {
    const p = ctx.props(id);
    const i = isRecord(p.Integration) ? p.Integration : {};
    route(graph.nodesIn(p.RestApiId, ['http_api'])[0], {
      uri: i.Uri,
      subtype: undefined,
      details: [i.RequestTemplates, i.RequestParameters],
    });
  }
  for (const id of ctx.ofType('AWS::ApiGatewayV2::Integration')) {
    const p = ctx.props(id);
    route(graph.nodesIn(p.ApiId, ['http_api'])[0], {
      uri: p.IntegrationUri,
      subtype: p.IntegrationSubtype,
      details: [p.RequestParameters, p.RequestTemplates],
    });
  }
  for (const id of ctx.ofType('AWS::ApiGateway::RestApi', 'AWS::ApiGatewayV2::Api')) {
    const api = graph.nodeFor(id);
    for (const integration of openApiIntegrations(graph, ctx.props(id).Body, undefined))
      route(api, integration);
  }
  for (const id of ctx.ofType('AWS::Serverless::Api', 'AWS::Serverless::HttpApi')) {
    const p = ctx.props(id);
    const api = graph.nodeFor(id);
    for (const integration of openApiIntegrations(graph, p.DefinitionBody, p.DefinitionUri))
      route(api, integration);
  }
}
