import type { EvalKind } from '../../eval-vocabulary.ts';
import { grant, grantActions } from './grants.ts';
import type { Use, UsesByKind } from './iam-actions.ts';
import { allowStatements, managedPolicyActions } from './iam-edges.ts';
import { isRecord, list } from './template-context.ts';
import type { TruthGraph } from './truth-graph.ts';

/**
 * SAM policy templates that grant access to a component the template names in the template's parameters
 * (`DynamoDBCrudPolicy: {TableName: !Ref Orders}`). Templates for services that are not our kinds, and
 * those that only manage a resource (backups, reconfiguration, stream reads done by event source mappings),
 * make no connection.
 */
const POLICY_TEMPLATES: Readonly<Record<string, UsesByKind>> = {
  DynamoDBCrudPolicy: { kv_table: 'readwrite' },
  DynamoDBReadPolicy: { kv_table: 'read' },
  DynamoDBWritePolicy: { kv_table: 'write' },
  S3ReadPolicy: { bucket: 'read', static_site: 'read' },
  S3WritePolicy: { bucket: 'write', static_site: 'write' },
  S3CrudPolicy: { bucket: 'readwrite', static_site: 'readwrite' },
  S3FullAccessPolicy: { bucket: 'readwrite', static_site: 'readwrite' },
  SQSSendMessagePolicy: { queue: 'publish' },
  SQSPollerPolicy: { queue: 'consume' },
  SNSPublishMessagePolicy: { topic: 'publish' },
  SNSCrudPolicy: { topic: 'publish' },
  LambdaInvokePolicy: { function: 'invoke' },
  StepFunctionsExecutionPolicy: { workflow: 'invoke' },
  KinesisCrudPolicy: { stream: 'publish' },
  KinesisStreamReadPolicy: { stream: 'consume' },
  FirehoseWritePolicy: { delivery_stream: 'publish' },
  FirehoseCrudPolicy: { delivery_stream: 'publish' },
  EventBridgePutEventsPolicy: { event_bus: 'publish' },
  SESCrudPolicy: { email: 'publish' },
  SESSendBouncePolicy: { email: 'publish' },
  SESBulkTemplatedCrudPolicy: { email: 'publish' },
  SESBulkTemplatedCrudPolicy_v2: { email: 'publish' },
  SESEmailTemplateCrudPolicy: { email: 'publish' },
  AWSSecretsManagerGetSecretValuePolicy: { secret: 'read', postgres: 'readwrite', mysql: 'readwrite' },
  ElasticsearchHttpPostPolicy: { search: 'write' },
  EFSWriteAccessPolicy: { file_system: 'readwrite' },
};

/** SAM connector permissions (`Read`, `Write`) per destination kind. */
const CONNECTOR_USES: Readonly<Partial<Record<EvalKind, { Read?: Use; Write?: Use }>>> = {
  kv_table: { Read: 'read', Write: 'write' },
  bucket: { Read: 'read', Write: 'write' },
  queue: { Read: 'consume', Write: 'publish' },
  topic: { Write: 'publish' },
  event_bus: { Write: 'publish' },
  stream: { Read: 'consume', Write: 'publish' },
  delivery_stream: { Write: 'publish' },
  function: { Write: 'invoke' },
  workflow: { Write: 'invoke' },
  secret: { Read: 'read' },
};

/** A SAM function's or state machine's `Policies`: managed policy names, policy documents, policy templates. */
function addPolicies(graph: TruthGraph, node: string, policies: unknown): void {
  const { ctx } = graph;
  for (const policy of list(policies)) {
    if (!isRecord(policy) || Object.hasOwn(policy, 'Ref') || Object.hasOwn(policy, 'Fn::Sub')) {
      grantActions(graph, node, managedPolicyActions(ctx, policy), '*', 'iam');
      continue;
    }
    if (Object.hasOwn(policy, 'Statement')) {
      for (const { actions, resources } of allowStatements(policy))
        grantActions(graph, node, actions, resources, 'iam');
      continue;
    }
    for (const [name, params] of Object.entries(policy)) {
      const uses = POLICY_TEMPLATES[name];
      if (uses === undefined) continue;
      const bus = isRecord(params) ? ctx.canonical(params.EventBusName) : undefined;
      const resources =
        name === 'EventBridgePutEventsPolicy' && bus?.toLowerCase() === 'default'
          ? 'event-bus/default'
          : params;
      grant(graph, node, [uses], resources, 'iam');
    }
  }
}

function addConnector(
  graph: TruthGraph,
  source: string | undefined,
  destination: unknown,
  permissions: unknown,
): void {
  if (source === undefined) return;
  for (const target of list(destination)) {
    const id = isRecord(target) ? target.Id : undefined;
    const node = typeof id === 'string' ? graph.nodeFor(id) : undefined;
    const uses = node === undefined ? undefined : CONNECTOR_USES[graph.kindOf(node) as EvalKind];
    if (node === undefined || uses === undefined) continue;
    const granted = list(permissions)
      .map((p) => uses[p as 'Read' | 'Write'])
      .filter((u): u is Use => u !== undefined);
    const kind = graph.kindOf(node) as EvalKind;
    grant(
      graph,
      source,
      granted.map((u): UsesByKind => ({ [kind]: u })),
      { Ref: id },
      'iam',
    );
  }
}

/** Connections from SAM `Policies` and connectors (`AWS::Serverless::Connector` and `Connectors`). */
export function addSamPolicyEdges(graph: TruthGraph): void {
  const { ctx } = graph;
  for (const id of ctx.ofType('AWS::Serverless::Function', 'AWS::Serverless::StateMachine')) {
    const node = graph.nodeFor(id);
    if (node !== undefined) addPolicies(graph, node, ctx.props(id).Policies);
  }
  for (const id of ctx.ofType('AWS::Serverless::Connector')) {
    const p = ctx.props(id);
    const sourceId = isRecord(p.Source) ? p.Source.Id : undefined;
    addConnector(
      graph,
      typeof sourceId === 'string' ? graph.nodeFor(sourceId) : undefined,
      p.Destination,
      p.Permissions,
    );
  }
  for (const [id, resource] of ctx.resources) {
    if (!isRecord(resource.Connectors)) continue;
    for (const connector of Object.values(resource.Connectors)) {
      const p = isRecord(connector) && isRecord(connector.Properties) ? connector.Properties : {};
      addConnector(graph, graph.nodeFor(id), p.Destination, p.Permissions);
    }
  }
}
