import { defaultBus } from './implied-nodes.ts';
import { addDestination, busOf, markDeadLetter } from './sam-events.ts';
import { isRecord, list } from './template-context.ts';
import type { TruthGraph } from './truth-graph.ts';

/** The component a rule or schedule target runs: its ARN's component, or the task definition it starts. */
function targetNodes(graph: TruthGraph, target: Record<string, unknown>): string[] {
  const ecs = isRecord(target.EcsParameters) ? target.EcsParameters.TaskDefinitionArn : undefined;
  if (ecs !== undefined) return graph.nodesIn(ecs);
  return graph.nodesIn(target.Arn);
}

/** EventBridge rules (a bus's rule, or a schedule: then the rule is the `cron` component) and their targets. */
function addRules(graph: TruthGraph): void {
  const { ctx } = graph;
  for (const id of ctx.ofType('AWS::Events::Rule')) {
    const p = ctx.props(id);
    const source =
      graph.nodeFor(id) ?? (p.EventPattern !== undefined ? busOf(graph, p.EventBusName) : undefined);
    for (const target of list(p.Targets).filter(isRecord)) {
      markDeadLetter(graph, target.DeadLetterConfig);
      for (const node of targetNodes(graph, target)) graph.connect(source, node, 'trigger', 'event');
    }
  }
  for (const id of ctx.ofType('AWS::Scheduler::Schedule')) {
    const target = ctx.props(id).Target;
    if (!isRecord(target)) continue;
    markDeadLetter(graph, target.DeadLetterConfig);
    for (const node of targetNodes(graph, target)) graph.connect(graph.nodeFor(id), node, 'trigger', 'event');
  }
}

/** S3 notifications (on the bucket, or CDK's `Custom::S3BucketNotifications`), EventBridge ones included. */
function addBucketNotifications(graph: TruthGraph): void {
  const { ctx } = graph;
  const notify = (bucket: string | undefined, config: unknown) => {
    if (bucket === undefined || !isRecord(config)) return;
    // CloudFormation spells them LambdaConfigurations/Function, CDK's custom resource (the S3 API)
    // LambdaFunctionConfigurations/LambdaFunctionArn, QueueArn, TopicArn.
    const targets = [
      ...list(config.LambdaConfigurations),
      ...list(config.LambdaFunctionConfigurations),
      ...list(config.QueueConfigurations),
      ...list(config.TopicConfigurations),
    ].filter(isRecord);
    for (const c of targets) {
      const target = [c.Function, c.LambdaFunctionArn, c.Queue, c.QueueArn, c.Topic, c.TopicArn];
      for (const node of graph.nodesIn(target, ['function', 'queue', 'topic'])) {
        graph.connect(bucket, node, 'trigger', 'event');
      }
    }
    const eventBridge = config.EventBridgeConfiguration;
    if (
      isRecord(eventBridge) &&
      eventBridge.EventBridgeEnabled !== false &&
      eventBridge.EventBridgeEnabled !== 'false'
    ) {
      graph.connect(bucket, defaultBus(graph), 'trigger', 'event');
    }
  };
  for (const id of ctx.ofType('AWS::S3::Bucket'))
    notify(graph.nodeFor(id), ctx.props(id).NotificationConfiguration);
  for (const [id, resource] of ctx.resources) {
    if (resource.Type !== 'Custom::S3BucketNotifications') continue;
    const p = ctx.props(id);
    notify(graph.nodesIn(p.BucketName, ['bucket', 'static_site'])[0], p.NotificationConfiguration);
  }
}

/** SNS subscriptions (inline on the topic, or `AWS::SNS::Subscription`) to functions and queues. */
function addSubscriptions(graph: TruthGraph): void {
  const { ctx } = graph;
  for (const id of ctx.ofType('AWS::SNS::Topic')) {
    for (const s of list(ctx.props(id).Subscription).filter(isRecord)) {
      for (const node of graph.nodesIn(s.Endpoint, ['function', 'queue'])) {
        graph.connect(graph.nodeFor(id), node, 'trigger', 'event');
      }
    }
  }
  for (const id of ctx.ofType('AWS::SNS::Subscription')) {
    const p = ctx.props(id);
    markDeadLetter(graph, p.RedrivePolicy);
    const topic = graph.nodesIn(p.TopicArn, ['topic'])[0];
    for (const node of graph.nodesIn(p.Endpoint, ['function', 'queue']))
      graph.connect(topic, node, 'trigger', 'event');
  }
}

/** Event source mappings, Pipes, Lambda destinations and dead-letter settings. */
function addMappingsAndPipes(graph: TruthGraph): void {
  const { ctx } = graph;
  for (const id of ctx.ofType('AWS::Lambda::EventSourceMapping')) {
    const p = ctx.props(id);
    const source = graph.nodesIn(p.EventSourceArn, ['queue', 'stream', 'kv_table'])[0];
    graph.connect(source, graph.nodesIn(p.FunctionName, ['function'])[0], 'trigger', 'event');
    markDeadLetter(graph, isRecord(p.DestinationConfig) ? p.DestinationConfig.OnFailure : undefined);
  }
  for (const id of ctx.ofType('AWS::Pipes::Pipe')) {
    const p = ctx.props(id);
    const source = graph.nodesIn(p.Source, ['queue', 'stream', 'kv_table'])[0];
    for (const target of graph.nodesIn(p.Target)) graph.connect(source, target, 'trigger', 'event');
    const parameters = isRecord(p.SourceParameters) ? Object.values(p.SourceParameters) : [];
    for (const sp of parameters.filter(isRecord)) markDeadLetter(graph, sp.DeadLetterConfig);
  }
  for (const id of ctx.ofType('AWS::Lambda::EventInvokeConfig')) {
    const p = ctx.props(id);
    const fn = graph.nodesIn(p.FunctionName, ['function'])[0];
    const config = isRecord(p.DestinationConfig) ? p.DestinationConfig : {};
    markDeadLetter(graph, config.OnFailure);
    if (fn !== undefined)
      addDestination(graph, fn, isRecord(config.OnSuccess) ? config.OnSuccess.Destination : undefined);
  }
  for (const id of ctx.ofType('AWS::Lambda::Function')) markDeadLetter(graph, ctx.props(id).DeadLetterConfig);
  for (const id of ctx.ofType('AWS::SQS::Queue')) {
    markDeadLetter(graph, ctx.props(id).RedrivePolicy);
  }
}

/** Connections from event sources: rules, schedules, notifications, subscriptions, mappings, pipes. */
export function addEventSourceEdges(graph: TruthGraph): void {
  addRules(graph);
  addBucketNotifications(graph);
  addSubscriptions(graph);
  addMappingsAndPipes(graph);
}
