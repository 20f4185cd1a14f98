import type { EvalKind } from '../../eval-vocabulary.ts';
import { defaultBus, isDefaultBusName } from './implied-nodes.ts';
import { isRecord } from './template-context.ts';
import type { TruthGraph } from './truth-graph.ts';

/** SAM's implicit APIs: an `Api` or `HttpApi` event without an API id creates one per template. */
export const IMPLICIT_REST_API = 'ServerlessRestApi';
export const IMPLICIT_HTTP_API = 'ServerlessHttpApi';

/** The bus an EventBridge rule (or event) listens on: a bus of the template, or the default bus. */
export function busOf(graph: TruthGraph, busName: unknown): string | undefined {
  const named = graph.nodesIn(busName, ['event_bus'])[0];
  if (named !== undefined) return named;
  if (busName === undefined) return defaultBus(graph);
  // A bus named by a value we cannot read, or a bus of another stack, is not the default bus.
  const text = graph.ctx.canonical(busName);
  return text !== undefined && isDefaultBusName(text) ? defaultBus(graph) : undefined;
}

/** Marks the queue (or topic) a `DeadLetterConfig`-like value points at as a dead-letter target. */
export function markDeadLetter(graph: TruthGraph, value: unknown): void {
  for (const ref of graph.ctx.refsIn(value)) graph.markPlumbing(ref, 'dead-letter');
}

/** One event of a SAM function or state machine → the connection from its source to `target`. */
function addEvent(
  graph: TruthGraph,
  target: string,
  name: string,
  type: unknown,
  p: Record<string, unknown>,
): void {
  const source = (value: unknown, ...kinds: EvalKind[]) => graph.nodesIn(value, kinds)[0];
  markDeadLetter(graph, p.DeadLetterConfig);
  markDeadLetter(graph, isRecord(p.DestinationConfig) ? p.DestinationConfig.OnFailure : undefined);
  switch (type) {
    case 'SQS':
      graph.connect(source(p.Queue, 'queue'), target, 'trigger', 'event');
      return;
    case 'Kinesis':
      graph.connect(source(p.Stream, 'stream'), target, 'trigger', 'event');
      return;
    case 'DynamoDB':
      graph.connect(source(p.Stream, 'kv_table'), target, 'trigger', 'event');
      return;
    case 'S3':
      graph.connect(source(p.Bucket, 'bucket'), target, 'trigger', 'event');
      return;
    case 'SNS': {
      const topic = source(p.Topic, 'topic');
      if (p.SqsSubscription === undefined || p.SqsSubscription === false) {
        graph.connect(topic, target, 'trigger', 'event');
        return;
      }
      // SAM puts a queue between the topic and the function (its own, unless QueueArn names one).
      const given = isRecord(p.SqsSubscription) ? source(p.SqsSubscription.QueueArn, 'queue') : undefined;
      const queue = given ?? `${target}${name}Queue`;
      graph.addNode(queue, 'queue');
      graph.connect(topic, queue, 'trigger', 'event');
      graph.connect(queue, target, 'trigger', 'event');
      return;
    }
    case 'Api': {
      const api = source(p.RestApiId, 'http_api') ?? IMPLICIT_REST_API;
      graph.addNode(api, 'http_api', { flavor: 'rest' });
      graph.connect(api, target, 'route', 'route');
      return;
    }
    case 'HttpApi': {
      const api = source(p.ApiId, 'http_api') ?? IMPLICIT_HTTP_API;
      graph.addNode(api, 'http_api', { flavor: 'http' });
      graph.connect(api, target, 'route', 'route');
      return;
    }
    case 'Schedule':
    case 'ScheduleV2': {
      const cron = `${target}${name}`;
      graph.addNode(cron, 'cron');
      graph.connect(cron, target, 'trigger', 'event');
      return;
    }
    case 'EventBridgeRule':
    case 'CloudWatchEvent':
      graph.connect(busOf(graph, p.EventBusName), target, 'trigger', 'event');
      return;
    default:
    // MSK, MQ, Kafka, IoT rules, Alexa, Cognito triggers, log subscriptions: sources that are not our kinds.
  }
}

/** Connections from the `Events` of SAM functions and state machines, and a SAM function's destinations. */
export function addSamEventEdges(graph: TruthGraph): void {
  const { ctx } = graph;
  for (const id of ctx.ofType('AWS::Serverless::Function', 'AWS::Serverless::StateMachine')) {
    const node = graph.nodeFor(id);
    if (node === undefined) continue;
    const p = ctx.props(id);
    for (const [name, event] of Object.entries(isRecord(p.Events) ? p.Events : {})) {
      if (isRecord(event))
        addEvent(graph, node, name, event.Type, isRecord(event.Properties) ? event.Properties : {});
    }
    markDeadLetter(graph, p.DeadLetterQueue);
    const invoke = isRecord(p.EventInvokeConfig) ? p.EventInvokeConfig.DestinationConfig : undefined;
    if (isRecord(invoke)) {
      markDeadLetter(graph, invoke.OnFailure);
      const success = isRecord(invoke.OnSuccess) ? invoke.OnSuccess.Destination : undefined;
      addDestination(graph, node, success);
    }
  }
}

/** A Lambda destination on success: the function publishes to a queue, topic or bus, or invokes a function. */
export function addDestination(graph: TruthGraph, fn: string, destination: unknown): void {
  for (const target of graph.nodesIn(destination, ['queue', 'topic', 'event_bus', 'function'])) {
    graph.connect(fn, target, graph.kindOf(target) === 'function' ? 'invoke' : 'publish', 'destination');
  }
}
