import type { EvalKind } from '../../eval-vocabulary.ts';
import { isRecord, list } from './template-context.ts';
import type { TruthGraph } from './truth-graph.ts';

/** Target groups a listener (or listener rule) forwards to, and user pools its actions authenticate with. */
function listenerActions(actions: unknown): { targetGroups: unknown[]; userPools: unknown[] } {
  const targetGroups: unknown[] = [];
  const userPools: unknown[] = [];
  for (const action of list(actions).filter(isRecord)) {
    targetGroups.push(action.TargetGroupArn);
    if (isRecord(action.ForwardConfig)) targetGroups.push(action.ForwardConfig.TargetGroups);
    if (isRecord(action.AuthenticateCognitoConfig))
      userPools.push(action.AuthenticateCognitoConfig.UserPoolArn);
  }
  return { targetGroups, userPools };
}

/** What each target group sends traffic to: ECS services, instances, auto scaling groups. */
function targetGroupMembers(graph: TruthGraph): Map<string, string[]> {
  const { ctx } = graph;
  const members = new Map<string, string[]>();
  const add = (groups: unknown, node: string | undefined) => {
    if (node === undefined) return;
    for (const group of ctx.refsIn(groups)) members.set(group, [...(members.get(group) ?? []), node]);
  };
  for (const id of ctx.ofType('AWS::ECS::Service')) {
    for (const lb of list(ctx.props(id).LoadBalancers).filter(isRecord))
      add(lb.TargetGroupArn, graph.nodeFor(id));
  }
  for (const id of ctx.ofType('AWS::AutoScaling::AutoScalingGroup'))
    add(ctx.props(id).TargetGroupARNs, graph.nodeFor(id));
  for (const id of ctx.ofType('AWS::ElasticLoadBalancingV2::TargetGroup')) {
    for (const t of list(ctx.props(id).Targets).filter(isRecord)) {
      for (const node of graph.nodesIn(t.Id)) members.set(id, [...(members.get(id) ?? []), node]);
    }
  }
  return members;
}

/** Load balancers route to what their listeners forward to; Cognito actions authenticate them. */
function addLoadBalancers(graph: TruthGraph): void {
  const { ctx } = graph;
  const members = targetGroupMembers(graph);
  const listeners = ctx.ofType('AWS::ElasticLoadBalancingV2::Listener');
  const actionsOf = (listener: string) => {
    const rules = ctx
      .ofType('AWS::ElasticLoadBalancingV2::ListenerRule')
      .filter((r) => ctx.refsIn(ctx.props(r).ListenerArn).has(listener))
      .map((r) => ctx.props(r).Actions);
    return listenerActions([...list(ctx.props(listener).DefaultActions), ...rules.flatMap(list)]);
  };
  for (const listener of listeners) {
    const lb = graph.nodeFor(listener);
    if (lb === undefined) continue;
    const { targetGroups, userPools } = actionsOf(listener);
    for (const group of ctx.refsIn(targetGroups)) {
      for (const node of members.get(group) ?? []) graph.connect(lb, node, 'route', 'route');
    }
    for (const pool of graph.nodesIn(userPools, ['user_pool'])) graph.connect(pool, lb, 'auth', 'route');
  }
  for (const id of ctx.ofType('AWS::ElasticLoadBalancing::LoadBalancer')) {
    for (const vm of graph.nodesIn(ctx.props(id).Instances, ['vm'])) graph.connect(id, vm, 'route', 'route');
  }
  for (const id of ctx.ofType('AWS::AutoScaling::AutoScalingGroup')) {
    const lbs = graph.nodesIn(ctx.props(id).LoadBalancerNames, ['load_balancer']);
    for (const lb of lbs) graph.connect(lb, graph.nodeFor(id), 'route', 'route');
  }
}

/** CloudFront origins: buckets, APIs, load balancers; a logging bucket is plumbing. */
function addDistributions(graph: TruthGraph): void {
  const { ctx } = graph;
  for (const id of ctx.ofType('AWS::CloudFront::Distribution')) {
    const config = ctx.props(id).DistributionConfig;
    if (!isRecord(config)) continue;
    for (const origin of list(config.Origins).filter(isRecord)) {
      const kinds: EvalKind[] = ['bucket', 'static_site', 'http_api', 'load_balancer'];
      for (const node of graph.nodesIn(origin.DomainName, kinds)) graph.connect(id, node, 'origin', 'route');
    }
    if (isRecord(config.Logging)) {
      for (const bucket of ctx.refsIn(config.Logging.Bucket)) graph.markPlumbing(bucket, 'log-or-backup');
    }
  }
}

/** Cognito user pools authorizing APIs (REST authorizers, HTTP JWT authorizers, SAM `Auth`). */
function addAuthorizers(graph: TruthGraph): void {
  const { ctx } = graph;
  for (const id of ctx.ofType('AWS::ApiGateway::Authorizer')) {
    const p = ctx.props(id);
    const api = graph.nodesIn(p.RestApiId, ['http_api'])[0];
    for (const pool of graph.nodesIn(p.ProviderARNs, ['user_pool']))
      graph.connect(pool, api, 'auth', 'route');
  }
  for (const id of ctx.ofType('AWS::ApiGatewayV2::Authorizer')) {
    const p = ctx.props(id);
    const api = graph.nodesIn(p.ApiId, ['http_api'])[0];
    for (const pool of graph.nodesIn(p.JwtConfiguration, ['user_pool']))
      graph.connect(pool, api, 'auth', 'route');
  }
  for (const id of ctx.ofType(
    'AWS::Serverless::Api',
    'AWS::Serverless::HttpApi',
    'AWS::ApiGateway::RestApi',
  )) {
    const p = ctx.props(id);
    const where = [p.Auth, p.DefinitionBody, p.Body];
    for (const pool of graph.nodesIn(where, ['user_pool']))
      graph.connect(pool, graph.nodeFor(id), 'auth', 'route');
  }
}

/**
 * Route 53 records: one `dns` component per record name (A and AAAA of one name are one), routing to the
 * distribution, load balancer, API (through its custom domain) or website bucket it aliases.
 */
function addRecords(graph: TruthGraph): void {
  const { ctx } = graph;
  const records: { id: string; record: Record<string, unknown> }[] = [];
  for (const id of ctx.ofType('AWS::Route53::RecordSet')) records.push({ id, record: ctx.props(id) });
  for (const id of ctx.ofType('AWS::Route53::RecordSetGroup')) {
    for (const record of list(ctx.props(id).RecordSets).filter(isRecord)) records.push({ id, record });
  }
  const byName = new Map<string, string>();
  for (const { id, record } of records) {
    const name = ctx.canonical(record.Name) ?? id;
    const node = byName.get(name) ?? id;
    if (!byName.has(name)) {
      byName.set(name, node);
      graph.addNode(node, 'dns');
    }
    const kinds: EvalKind[] = ['cdn', 'load_balancer', 'http_api', 'static_site'];
    const targets = [
      ...graph.nodesIn([record.AliasTarget, record.ResourceRecords], kinds),
      // An S3 website is aliased by its regional endpoint; the bucket is named like the record.
      ...graph.nodesIn(record.Name, ['static_site']),
    ];
    for (const target of targets) graph.connect(node, target, 'route', 'route');
  }
}

/** Connections of the edge: load balancers, CloudFront, Route 53, Cognito authorizers. */
export function addRoutingEdges(graph: TruthGraph): void {
  addRecords(graph);
  addLoadBalancers(graph);
  addDistributions(graph);
  addAuthorizers(graph);
}
