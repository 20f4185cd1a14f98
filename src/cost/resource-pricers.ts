import type { ResolvedParams } from '../knowledge/params.ts';
import { INTEGRATION_FREE_TYPES, INTEGRATION_PRICERS } from './integration-pricers.ts';
import type { RegionPrices } from './price-table.ts';

export interface PricingInput {
  properties: Record<string, unknown>;
  role: string;
  params: ResolvedParams;
  prices: RegionPrices;
  hours: number;
}

/**
 * A resource's monthly price; `unpriced` when the table has no price for it (the estimate is then unknown);
 * `notEstimated` when its cost depends only on a volume no one states (logs), which the estimate says it
 * leaves out.
 */
export type PriceResult =
  | { monthly: number; basis: string }
  | { unpriced: string }
  | { notEstimated: string };

const n = (value: unknown): number => (typeof value === 'number' ? value : Number(value));
const fmt = (value: number): string => value.toLocaleString('en-US', { maximumFractionDigits: 6 });

function hourly(
  table: Readonly<Record<string, number>>,
  key: string,
  what: string,
): number | { unpriced: string } {
  const price = table[key];
  return price === undefined ? { unpriced: `no list price for ${what} ${key} in the price table` } : price;
}

/** The class the template deploys (its property), else the component's param: what AWS will bill. */
function classOf(property: unknown, param: unknown): string {
  return typeof property === 'string' ? property : String(param);
}

const free = (why: string): PriceResult => ({ monthly: 0, basis: `no charge: ${why}` });

/** Invocations per month of a schedule expression: rate(N unit); cron and at are assumed hourly / once. */
function schedulesPerMonth(expression: string): number {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (rate) {
    const every = n(rate[1]);
    const unit = rate[2]!;
    const perMonth = unit.startsWith('minute') ? 43800 : unit.startsWith('hour') ? 730 : 30.4167;
    return perMonth / every;
  }
  if (expression.startsWith('at(')) return 1;
  return 730;
}

/** One pricer per resource type. Types not listed are reported as unpriced, never counted as zero. */
export const PRICERS: Readonly<Record<string, (input: PricingInput) => PriceResult>> = {
  'AWS::Lambda::Function': ({ params, prices }) => {
    const requests = n(params.requests_per_month);
    const gbSeconds = ((requests * n(params.avg_duration_ms)) / 1000) * (n(params.memory_mb) / 1024);
    const arm = params.architecture === 'arm64';
    const gbPrice = arm ? prices.lambdaGbSecondArm : prices.lambdaGbSecondX86;
    return {
      monthly: (requests / 1e6) * prices.lambdaRequestsPerMillion + gbSeconds * gbPrice,
      basis: `${fmt(requests)} requests × $${prices.lambdaRequestsPerMillion}/M + ${fmt(gbSeconds)} GB-s × $${gbPrice} (${arm ? 'arm64' : 'x86_64'})`,
    };
  },
  'AWS::ApiGatewayV2::Api': ({ params, prices }) => {
    const requests = n(params.requests_per_month);
    return {
      monthly: (requests / 1e6) * prices.httpApiPerMillion,
      basis: `${fmt(requests)} requests × $${prices.httpApiPerMillion}/M`,
    };
  },
  'AWS::DynamoDB::Table': ({ params, prices, hours }) => {
    const storage = n(params.storage_gb);
    const pitr = params.point_in_time_recovery === true ? storage * prices.dynamoPitrGb : 0;
    const storageCost = storage * prices.dynamoStorageGb + pitr;
    if (params.billing_mode === 'PROVISIONED') {
      const rcu = n(params.read_capacity);
      const wcu = n(params.write_capacity);
      return {
        monthly: rcu * hours * prices.dynamoRcuHour + wcu * hours * prices.dynamoWcuHour + storageCost,
        basis: `${rcu} RCU × ${hours} h × $${prices.dynamoRcuHour} + ${wcu} WCU × ${hours} h × $${prices.dynamoWcuHour} + ${fmt(storage)} GB × $${prices.dynamoStorageGb}${pitr ? ` + PITR ${fmt(storage)} GB × $${prices.dynamoPitrGb}` : ''}`,
      };
    }
    const reads = n(params.reads_per_month);
    const writes = n(params.writes_per_month);
    return {
      monthly:
        (reads / 1e6) * prices.dynamoReadPerMillion +
        (writes / 1e6) * prices.dynamoWritePerMillion +
        storageCost,
      basis: `${fmt(reads)} reads × $${prices.dynamoReadPerMillion}/M + ${fmt(writes)} writes × $${prices.dynamoWritePerMillion}/M + ${fmt(storage)} GB × $${prices.dynamoStorageGb}${pitr ? ` + PITR ${fmt(storage)} GB × $${prices.dynamoPitrGb}` : ''}`,
    };
  },
  'AWS::SQS::Queue': ({ params, prices, role }) => {
    if (role !== 'queue') return free('dead-letter queue: only failed messages are billed (not estimated)');
    const requests = n(params.requests_per_month);
    const price = params.fifo === true ? prices.sqsFifoPerMillion : prices.sqsStandardPerMillion;
    return { monthly: (requests / 1e6) * price, basis: `${fmt(requests)} requests × $${price}/M` };
  },
  'AWS::SNS::Topic': ({ params, prices }) => {
    const messages = n(params.messages_per_month);
    return {
      monthly: (messages / 1e6) * prices.snsPublishPerMillion,
      basis: `${fmt(messages)} publishes × $${prices.snsPublishPerMillion}/M (deliveries to SQS and Lambda are free)`,
    };
  },
  'AWS::Events::EventBus': ({ params, prices }) => {
    const events = n(params.events_per_month);
    return {
      monthly: (events / 1e6) * prices.eventBridgePerMillion,
      basis: `${fmt(events)} events × $${prices.eventBridgePerMillion}/M`,
    };
  },
  'AWS::Kinesis::Stream': ({ params, prices, hours }) => {
    if (params.mode === 'PROVISIONED') {
      const shards = n(params.shards);
      return {
        monthly: shards * hours * prices.kinesisShardHour,
        basis: `${shards} shard(s) × ${hours} h × $${prices.kinesisShardHour}`,
      };
    }
    const ingest = n(params.ingest_gb_per_month);
    return {
      monthly: hours * prices.kinesisOnDemandStreamHour + ingest * prices.kinesisOnDemandIngestGb,
      basis: `${hours} stream-hours × $${prices.kinesisOnDemandStreamHour} + ${fmt(ingest)} GB × $${prices.kinesisOnDemandIngestGb}`,
    };
  },
  'AWS::S3::Bucket': ({ params, prices, role }) => {
    if (role !== 'bucket') return { notEstimated: 'log bucket: cost depends on log volume' };
    const storage = n(params.storage_gb);
    const gets = params.requests_per_month === undefined ? 0 : n(params.requests_per_month);
    const puts = gets / 10;
    return {
      monthly:
        storage * prices.s3StandardGb +
        (gets / 1000) * prices.s3GetPerThousand +
        (puts / 1000) * prices.s3PutPerThousand,
      basis: `${fmt(storage)} GB × $${prices.s3StandardGb} + ${fmt(gets)} GET × $${prices.s3GetPerThousand}/1k + ${fmt(puts)} PUT × $${prices.s3PutPerThousand}/1k`,
    };
  },
  'AWS::CloudFront::Distribution': ({ params, prices }) => {
    const gb = n(params.data_out_gb_per_month);
    const requests = n(params.requests_per_month);
    return {
      monthly: gb * prices.cloudFrontDataOutGb + (requests / 1e6) * prices.cloudFrontHttpsPerMillion,
      basis: `${fmt(gb)} GB out × $${prices.cloudFrontDataOutGb} + ${fmt(requests)} HTTPS requests × $${prices.cloudFrontHttpsPerMillion}/M`,
    };
  },
  'AWS::RDS::DBInstance': ({ params, prices, hours, role, properties }) => {
    const instanceClass = String(properties.DBInstanceClass);
    if (role === 'instance') {
      const price = hourly(prices.rdsInstanceHour, instanceClass, 'RDS instance class');
      if (typeof price !== 'number') return price;
      const azs = params.multi_az === true ? 2 : 1;
      const storage = n(params.storage_gb);
      return {
        monthly: price * hours * azs + storage * prices.rdsGp3Gb * azs,
        basis: `${instanceClass} $${price}/h × ${hours} h × ${azs} AZ + ${storage} GB gp3 × $${prices.rdsGp3Gb} × ${azs} AZ`,
      };
    }
    if (instanceClass === 'db.serverless') {
      const acu = n(params.min_capacity_acu);
      return {
        monthly: acu * hours * prices.auroraAcuHour,
        basis: `Aurora Serverless v2 at its minimum ${acu} ACU × ${hours} h × $${prices.auroraAcuHour} (load above the minimum costs more)`,
      };
    }
    const price = hourly(prices.auroraInstanceHour, instanceClass, 'Aurora instance class');
    if (typeof price !== 'number') return price;
    return { monthly: price * hours, basis: `${instanceClass} $${price}/h × ${hours} h` };
  },
  'AWS::RDS::DBCluster': ({ params, prices }) => {
    const storage = n(params.storage_gb);
    return {
      monthly: storage * prices.auroraStorageGb,
      basis: `${storage} GB Aurora storage × $${prices.auroraStorageGb} (I/O not estimated)`,
    };
  },
  'AWS::ElastiCache::ReplicationGroup': ({ params, prices, hours, properties }) => {
    const nodeType = classOf(properties.CacheNodeType, params.node_type);
    const redis = hourly(prices.elastiCacheRedisNodeHour, nodeType, 'ElastiCache node type');
    if (typeof redis !== 'number') return redis;
    const valkey = params.engine === 'valkey';
    const price = valkey ? redis * 0.8 : redis;
    const nodes = n(params.nodes ?? properties.NumCacheClusters ?? 1);
    return {
      monthly: price * hours * nodes,
      basis: `${nodes} × ${nodeType} $${fmt(price)}/h${valkey ? ' (Valkey: 20% below Redis OSS)' : ''} × ${hours} h`,
    };
  },
  'AWS::EC2::NatGateway': ({ prices, hours }) => ({
    monthly: prices.natGatewayHour * hours,
    basis: `${hours} h × $${prices.natGatewayHour} (data processing not estimated)`,
  }),
  'AWS::EC2::EIP': ({ prices, hours }) => ({
    monthly: prices.publicIpv4Hour * hours,
    basis: `public IPv4 ${hours} h × $${prices.publicIpv4Hour}`,
  }),
  'AWS::ElasticLoadBalancingV2::LoadBalancer': ({ params, prices, hours }) => {
    const lcu = n(params.lcu_per_hour);
    return {
      monthly: hours * prices.albHour + hours * lcu * prices.albLcuHour,
      basis: `${hours} h × $${prices.albHour} + ${fmt(lcu)} LCU × ${hours} h × $${prices.albLcuHour}`,
    };
  },
  'AWS::ECS::Service': ({ params, prices, hours }) => {
    const tasks = n(params.desired_count);
    const vcpu = n(params.cpu) / 1024;
    const gb = n(params.memory_mb) / 1024;
    const arm = params.architecture === 'arm64';
    const cpuPrice = arm ? prices.fargateVcpuHourArm : prices.fargateVcpuHourX86;
    const gbPrice = arm ? prices.fargateGbHourArm : prices.fargateGbHourX86;
    return {
      monthly: tasks * hours * (vcpu * cpuPrice + gb * gbPrice),
      basis: `${tasks} task(s) × ${hours} h × (${fmt(vcpu)} vCPU × $${cpuPrice} + ${fmt(gb)} GB × $${gbPrice}) Fargate ${arm ? 'arm64' : 'x86_64'}`,
    };
  },
  'AWS::EC2::Instance': ({ params, prices, hours, properties }) => {
    const type = classOf(properties.InstanceType, params.instance_type);
    const price = hourly(prices.ec2InstanceHour, type, 'EC2 instance type');
    if (typeof price !== 'number') return price;
    const disk = n(params.disk_gb);
    return {
      monthly: price * hours + disk * prices.ebsGp3Gb,
      basis: `${type} $${price}/h × ${hours} h + ${disk} GB gp3 × $${prices.ebsGp3Gb}`,
    };
  },
  'AWS::EKS::Cluster': ({ prices, hours }) => ({
    monthly: prices.eksClusterHour * hours,
    basis: `control plane ${hours} h × $${prices.eksClusterHour}`,
  }),
  'AWS::EKS::Nodegroup': ({ params, prices, hours, properties }) => {
    const listed = Array.isArray(properties.InstanceTypes) ? properties.InstanceTypes[0] : undefined;
    const type = classOf(listed, params.instance_type);
    const price = hourly(prices.ec2InstanceHour, type, 'EC2 instance type');
    if (typeof price !== 'number') return price;
    const nodes = n(params.nodes);
    const disk = n(params.disk_gb);
    return {
      monthly: nodes * (price * hours + disk * prices.ebsGp3Gb),
      basis: `${nodes} node(s) × (${type} $${price}/h × ${hours} h + ${disk} GB gp3 × $${prices.ebsGp3Gb})`,
    };
  },
  'AWS::EFS::FileSystem': ({ params, prices }) => {
    const storage = n(params.storage_gb);
    return {
      monthly: storage * prices.efsStandardGb,
      basis: `${fmt(storage)} GB Standard × $${prices.efsStandardGb}`,
    };
  },
  'AWS::OpenSearchService::Domain': ({ params, prices, hours, properties }) => {
    const config = properties.ClusterConfig as { InstanceType?: unknown } | undefined;
    const type = classOf(config?.InstanceType, params.instance_type);
    const price = hourly(prices.openSearchInstanceHour, type, 'OpenSearch instance type');
    if (typeof price !== 'number') return price;
    const nodes = n(params.nodes);
    const storage = n(params.storage_gb);
    return {
      monthly: nodes * (price * hours + storage * prices.openSearchGp3Gb),
      basis: `${nodes} node(s) × (${type} $${price}/h × ${hours} h + ${storage} GB gp3 × $${prices.openSearchGp3Gb})`,
    };
  },
  'AWS::SecretsManager::Secret': ({ prices }) => ({
    monthly: prices.secretMonth,
    basis: `1 secret × $${prices.secretMonth}/month (API calls not estimated)`,
  }),
  'AWS::KMS::Key': ({ prices }) => ({
    monthly: prices.kmsKeyMonth,
    basis: `1 customer managed key × $${prices.kmsKeyMonth}/month`,
  }),
  'AWS::ECR::Repository': ({ params, prices }) => {
    const storage = n(params.storage_gb);
    return { monthly: storage * prices.ecrStorageGb, basis: `${fmt(storage)} GB × $${prices.ecrStorageGb}` };
  },
  'AWS::StepFunctions::StateMachine': ({ params, prices }) => {
    const executions = n(params.executions_per_month);
    if (params.type === 'EXPRESS') {
      return {
        monthly: (executions / 1e6) * prices.stepFunctionsExpressPerMillion,
        basis: `${fmt(executions)} express requests × $${prices.stepFunctionsExpressPerMillion}/M (duration not estimated)`,
      };
    }
    const transitions = executions * n(params.transitions_per_execution);
    return {
      monthly: (transitions / 1000) * prices.stepFunctionsPerThousandTransitions,
      basis: `${fmt(transitions)} state transitions × $${prices.stepFunctionsPerThousandTransitions}/1k`,
    };
  },
  'AWS::SES::EmailIdentity': ({ params, prices }) => {
    const emails = n(params.emails_per_month);
    return {
      monthly: (emails / 1000) * prices.sesPerThousand,
      basis: `${fmt(emails)} emails × $${prices.sesPerThousand}/1k`,
    };
  },
  'AWS::Scheduler::Schedule': ({ params, prices }) => {
    const runs = schedulesPerMonth(String(params.schedule));
    return {
      monthly: (runs / 1e6) * prices.schedulerPerMillion,
      basis: `${fmt(Math.round(runs))} invocations (${params.schedule}) × $${prices.schedulerPerMillion}/M`,
    };
  },
  'AWS::WAFv2::WebACL': ({ properties, prices }) => {
    const rules = Array.isArray(properties.Rules) ? properties.Rules.length : 0;
    return {
      monthly: prices.wafWebAclMonth + rules * prices.wafRuleMonth,
      basis: `1 web ACL × $${prices.wafWebAclMonth} + ${rules} rule(s) × $${prices.wafRuleMonth} (requests at $${prices.wafRequestsPerMillion}/M not estimated)`,
    };
  },
  'AWS::Logs::LogGroup': () => ({
    notEstimated: 'CloudWatch Logs ingestion and storage depend on log volume',
  }),
  'AWS::EC2::FlowLog': () => ({ notEstimated: 'flow log ingestion depends on traffic volume' }),
  'AWS::Events::Archive': () => ({ notEstimated: 'archive storage depends on event volume' }),
  ...INTEGRATION_PRICERS,
};

/** Resource types with no charge of their own. */
export const FREE_TYPES: Readonly<Record<string, string>> = {
  'AWS::IAM::Role': 'IAM',
  'AWS::IAM::Policy': 'IAM',
  'AWS::IAM::InstanceProfile': 'IAM',
  'AWS::EC2::SecurityGroup': 'security groups',
  'AWS::EC2::SecurityGroupIngress': 'security groups',
  'AWS::EC2::SecurityGroupEgress': 'security groups',
  'AWS::EC2::VPC': 'VPC',
  'AWS::EC2::Subnet': 'VPC',
  'AWS::EC2::RouteTable': 'VPC',
  'AWS::EC2::Route': 'VPC',
  'AWS::EC2::SubnetRouteTableAssociation': 'VPC',
  'AWS::EC2::InternetGateway': 'VPC',
  'AWS::EC2::VPCGatewayAttachment': 'VPC',
  'AWS::EC2::VPCEndpoint': 'gateway endpoints for S3 and DynamoDB are free',
  'AWS::EC2::LaunchTemplate': 'launch templates',
  'AWS::Lambda::Permission': 'resource policy',
  'AWS::Lambda::EventSourceMapping': 'billed as function invocations',
  'AWS::ApiGatewayV2::Stage': 'billed per API request',
  'AWS::ApiGatewayV2::Route': 'billed per API request',
  'AWS::ApiGatewayV2::Integration': 'billed per API request',
  'AWS::ApiGatewayV2::Authorizer': 'billed per API request',
  'AWS::ApiGatewayV2::DomainName': 'custom domain names',
  'AWS::ApiGatewayV2::ApiMapping': 'custom domain names',
  'AWS::SQS::QueuePolicy': 'resource policy',
  'AWS::SNS::TopicPolicy': 'resource policy',
  'AWS::SNS::Subscription': 'deliveries to SQS and Lambda',
  'AWS::S3::BucketPolicy': 'resource policy',
  'AWS::Events::Rule': 'rules on AWS service events and custom buses (billed per published event)',
  'AWS::RDS::DBSubnetGroup': 'configuration',
  'AWS::RDS::DBParameterGroup': 'configuration',
  'AWS::RDS::DBClusterParameterGroup': 'configuration',
  'AWS::ElastiCache::SubnetGroup': 'configuration',
  'AWS::ECS::Cluster': 'billed per Fargate task',
  'AWS::ECS::TaskDefinition': 'billed per Fargate task',
  'AWS::ElasticLoadBalancingV2::Listener': 'billed per load balancer',
  'AWS::ElasticLoadBalancingV2::TargetGroup': 'billed per load balancer',
  'AWS::ElasticLoadBalancingV2::ListenerRule': 'billed per load balancer',
  'AWS::EFS::MountTarget': 'billed per GB stored',
  'AWS::EFS::AccessPoint': 'billed per GB stored',
  'AWS::CloudFront::OriginAccessControl': 'configuration',
  'AWS::Scheduler::ScheduleGroup': 'configuration',
  'AWS::SES::ConfigurationSet': 'configuration',
  'AWS::CertificateManager::Certificate': 'public ACM certificates are free',
  'AWS::SecretsManager::RotationSchedule': "billed per secret (and the rotation function's invocations)",
  'AWS::WAFv2::WebACLAssociation': 'billed per web ACL',
  'AWS::Route53::RecordSet': 'alias queries to AWS resources are free (the hosted zone exists already)',
  ...INTEGRATION_FREE_TYPES,
};
