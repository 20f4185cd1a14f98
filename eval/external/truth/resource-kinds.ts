import type { ParamValue } from '../../../src/model/architecture.ts';
import type { EvalKind } from '../../eval-vocabulary.ts';
import type { TemplateContext } from './template-context.ts';
import { isRecord } from './template-context.ts';

interface KindOf {
  kind: EvalKind;
  params?: Record<string, ParamValue>;
}

type KindRule = KindOf | ((ctx: TemplateContext, id: string) => KindOf | undefined);

const REST = { kind: 'http_api', params: { flavor: 'rest' } } as const satisfies KindOf;
const HTTP = { kind: 'http_api', params: { flavor: 'http' } } as const satisfies KindOf;

/** `postgres` / `mysql` from an RDS engine name; other engines (Oracle, SQL Server, …) are not our kinds. */
function engineKind(engine: string | undefined): KindOf | undefined {
  const e = (engine ?? '').toLowerCase();
  if (e.includes('postgres')) return { kind: 'postgres' };
  if (e.includes('mysql') || e.includes('mariadb') || e === 'aurora') return { kind: 'mysql' };
  return undefined;
}

/** A bucket with website hosting is a static site; one that only redirects every request is no component. */
function bucketKind(ctx: TemplateContext, id: string): KindOf | undefined {
  const website = ctx.props(id).WebsiteConfiguration;
  if (!isRecord(website)) return { kind: 'bucket' };
  if (website.IndexDocument === undefined && website.RedirectAllRequestsTo !== undefined) return undefined;
  return { kind: 'static_site' };
}

/** An ECS service behind a load balancer or registered for discovery serves requests; otherwise it is a worker. */
function ecsServiceKind(ctx: TemplateContext, id: string): KindOf {
  const p = ctx.props(id);
  const listed = (v: unknown) => Array.isArray(v) && v.length > 0;
  return listed(p.LoadBalancers) || listed(p.ServiceRegistries)
    ? { kind: 'container_service' }
    : { kind: 'worker' };
}

/** A task definition no ECS service runs is run as a task (by a workflow, a rule, a schedule): a worker. */
function taskDefinitionKind(ctx: TemplateContext, id: string): KindOf | undefined {
  const used = ctx.ofType('AWS::ECS::Service').some((s) => ctx.refsIn(ctx.props(s).TaskDefinition).has(id));
  return used ? undefined : { kind: 'worker' };
}

/**
 * Resource types that are components, with their kind (DESIGN.md's table). Everything else (IAM, logs,
 * alarms, networking, policies, permissions, stages, versions, …) is not a component; see README.md.
 */
export const RESOURCE_KINDS: Readonly<Record<string, KindRule>> = {
  'AWS::Lambda::Function': { kind: 'function' },
  'AWS::Serverless::Function': { kind: 'function' },
  'AWS::ApiGateway::RestApi': REST,
  'AWS::Serverless::Api': REST,
  'AWS::Serverless::HttpApi': HTTP,
  'AWS::ApiGatewayV2::Api': (ctx, id) => {
    const protocol = ctx.canonical(ctx.props(id).ProtocolType);
    return protocol === 'WEBSOCKET' ? undefined : HTTP;
  },
  'AWS::ECS::Service': ecsServiceKind,
  'AWS::ECS::TaskDefinition': taskDefinitionKind,
  'AWS::AppRunner::Service': { kind: 'container_service' },
  'AWS::ElasticLoadBalancingV2::LoadBalancer': { kind: 'load_balancer' },
  'AWS::ElasticLoadBalancing::LoadBalancer': { kind: 'load_balancer' },
  'AWS::RDS::DBInstance': (ctx, id) => {
    const p = ctx.props(id);
    // A cluster member or a read replica is part of its database, not another one.
    if (p.DBClusterIdentifier !== undefined || p.SourceDBInstanceIdentifier !== undefined) return undefined;
    return engineKind(ctx.canonical(p.Engine));
  },
  'AWS::RDS::DBCluster': (ctx, id) => engineKind(ctx.canonical(ctx.props(id).Engine)),
  'AWS::DynamoDB::Table': { kind: 'kv_table' },
  'AWS::DynamoDB::GlobalTable': { kind: 'kv_table' },
  'AWS::Serverless::SimpleTable': { kind: 'kv_table' },
  'AWS::SQS::Queue': { kind: 'queue' },
  'AWS::SNS::Topic': { kind: 'topic' },
  'AWS::Events::EventBus': { kind: 'event_bus' },
  'AWS::Events::Rule': (ctx, id) =>
    ctx.props(id).ScheduleExpression !== undefined ? { kind: 'cron' } : undefined,
  'AWS::Scheduler::Schedule': { kind: 'cron' },
  'AWS::Kinesis::Stream': { kind: 'stream' },
  'AWS::KinesisFirehose::DeliveryStream': { kind: 'delivery_stream' },
  'AWS::S3::Bucket': bucketKind,
  'AWS::CloudFront::Distribution': { kind: 'cdn' },
  'AWS::ElastiCache::ReplicationGroup': { kind: 'cache' },
  'AWS::ElastiCache::CacheCluster': { kind: 'cache' },
  'AWS::ElastiCache::ServerlessCache': { kind: 'cache' },
  'AWS::MemoryDB::Cluster': { kind: 'cache' },
  'AWS::SecretsManager::Secret': { kind: 'secret' },
  'AWS::EFS::FileSystem': { kind: 'file_system' },
  'AWS::OpenSearchService::Domain': { kind: 'search' },
  'AWS::Elasticsearch::Domain': { kind: 'search' },
  'AWS::OpenSearchServerless::Collection': { kind: 'search' },
  'AWS::StepFunctions::StateMachine': { kind: 'workflow' },
  'AWS::Serverless::StateMachine': { kind: 'workflow' },
  'AWS::SES::EmailIdentity': { kind: 'email' },
  'AWS::EC2::Instance': { kind: 'vm' },
  'AWS::AutoScaling::AutoScalingGroup': { kind: 'vm' },
  'AWS::EKS::Cluster': { kind: 'k8s_cluster' },
  'AWS::ECR::Repository': { kind: 'registry' },
  'AWS::Cognito::UserPool': { kind: 'user_pool' },
};

/** The kind (and params) of one resource, or undefined when it is not a component. */
export function resourceKind(ctx: TemplateContext, id: string): KindOf | undefined {
  const type = ctx.type(id);
  const rule = type === undefined ? undefined : RESOURCE_KINDS[type];
  if (rule === undefined) return undefined;
  return typeof rule === 'function' ? rule(ctx, id) : rule;
}
