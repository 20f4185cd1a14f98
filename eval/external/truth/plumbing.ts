import { isRecord } from './template-context.ts';
import type { TruthGraph } from './truth-graph.ts';

/** Where a bucket receives logs, replicas or deliveries from the platform rather than data from the application. */
const LOG_DESTINATIONS: readonly { type: string; property: (p: Record<string, unknown>) => unknown }[] = [
  {
    type: 'AWS::S3::Bucket',
    property: (p) =>
      isRecord(p.LoggingConfiguration) ? p.LoggingConfiguration.DestinationBucketName : undefined,
  },
  // A replication destination is a copy of another bucket's data, not a store the application uses.
  {
    type: 'AWS::S3::Bucket',
    property: (p) => (isRecord(p.ReplicationConfiguration) ? p.ReplicationConfiguration.Rules : undefined),
  },
  { type: 'AWS::CloudTrail::Trail', property: (p) => p.S3BucketName },
  { type: 'AWS::Config::DeliveryChannel', property: (p) => p.S3BucketName },
  { type: 'AWS::EC2::FlowLog', property: (p) => p.LogDestination },
  { type: 'AWS::WAFv2::LoggingConfiguration', property: (p) => p.LogDestinationConfigs },
  {
    type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    property: (p) =>
      (Array.isArray(p.LoadBalancerAttributes) ? p.LoadBalancerAttributes : [])
        .filter((a) => isRecord(a) && a.Key === 'access_logs.s3.bucket')
        .map((a) => (a as Record<string, unknown>).Value),
  },
  {
    type: 'AWS::ElasticLoadBalancing::LoadBalancer',
    property: (p) => (isRecord(p.AccessLoggingPolicy) ? p.AccessLoggingPolicy.S3BucketName : undefined),
  },
];

/** Lambda authorizers of APIs: REST/HTTP authorizer resources and SAM `Auth.Authorizers`. */
function authorizerFunctions(ctx: TruthGraph['ctx']): unknown[] {
  const out: unknown[] = [];
  for (const id of ctx.ofType('AWS::ApiGateway::Authorizer', 'AWS::ApiGatewayV2::Authorizer')) {
    out.push(ctx.props(id).AuthorizerUri);
  }
  for (const id of ctx.ofType('AWS::Serverless::Api', 'AWS::Serverless::HttpApi')) {
    const auth = ctx.props(id).Auth;
    const authorizers = isRecord(auth) && isRecord(auth.Authorizers) ? Object.values(auth.Authorizers) : [];
    for (const a of authorizers) if (isRecord(a)) out.push(a.FunctionArn);
  }
  return out;
}

/**
 * Marks plumbing: functions that back a custom resource or a macro, Lambda authorizers, and buckets that only
 * receive logs.
 * Dead-letter targets and Firehose backups are marked where they are read (sam-events, store-edges).
 */
export function markPlumbing(graph: TruthGraph): void {
  const { ctx } = graph;
  for (const [id, r] of ctx.resources) {
    const p = ctx.props(id);
    if (r.Type.startsWith('Custom::') || r.Type === 'AWS::CloudFormation::CustomResource') {
      for (const fn of ctx.refsIn(p.ServiceToken)) graph.markPlumbing(fn, 'custom-resource');
    }
    if (r.Type === 'AWS::CloudFormation::Macro') {
      for (const fn of ctx.refsIn(p.FunctionName)) graph.markPlumbing(fn, 'custom-resource');
    }
    for (const { type, property } of LOG_DESTINATIONS) {
      if (r.Type !== type) continue;
      for (const bucket of ctx.refsIn(property(p)))
        if (bucket !== id) graph.markPlumbing(bucket, 'log-or-backup');
    }
  }
  for (const fn of ctx.refsIn(authorizerFunctions(ctx))) graph.markPlumbing(fn, 'authorizer');
}
