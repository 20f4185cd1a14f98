import type { CfnValue } from './cfn.ts';

type TagStyle = { property: string; variant: 'standard' | 'map' | 'asg' };

/**
 * How each resource type the knowledge base writes takes tags (from the service spec's tag information).
 * Types not listed here are not taggable in CloudFormation.
 */
const TAG_STYLES: Readonly<Record<string, TagStyle>> = {
  'AWS::ApiGateway::ApiKey': { property: 'Tags', variant: 'standard' },
  'AWS::ApiGateway::RestApi': { property: 'Tags', variant: 'standard' },
  'AWS::ApiGateway::Stage': { property: 'Tags', variant: 'standard' },
  'AWS::ApiGateway::UsagePlan': { property: 'Tags', variant: 'standard' },
  'AWS::ApiGatewayV2::Api': { property: 'Tags', variant: 'map' },
  'AWS::ApiGatewayV2::Stage': { property: 'Tags', variant: 'map' },
  'AWS::ApiGatewayV2::VpcLink': { property: 'Tags', variant: 'map' },
  'AWS::AutoScaling::AutoScalingGroup': { property: 'Tags', variant: 'asg' },
  'AWS::CertificateManager::Certificate': { property: 'Tags', variant: 'standard' },
  'AWS::CloudFront::Distribution': { property: 'Tags', variant: 'standard' },
  'AWS::Cognito::UserPool': { property: 'UserPoolTags', variant: 'map' },
  'AWS::DynamoDB::Table': { property: 'Tags', variant: 'standard' },
  'AWS::EC2::EIP': { property: 'Tags', variant: 'standard' },
  'AWS::EC2::FlowLog': { property: 'Tags', variant: 'standard' },
  'AWS::EC2::Instance': { property: 'Tags', variant: 'standard' },
  'AWS::EC2::InternetGateway': { property: 'Tags', variant: 'standard' },
  'AWS::EC2::NatGateway': { property: 'Tags', variant: 'standard' },
  'AWS::EC2::RouteTable': { property: 'Tags', variant: 'standard' },
  'AWS::EC2::SecurityGroup': { property: 'Tags', variant: 'standard' },
  'AWS::EC2::Subnet': { property: 'Tags', variant: 'standard' },
  'AWS::EC2::VPC': { property: 'Tags', variant: 'standard' },
  'AWS::EC2::VPCEndpoint': { property: 'Tags', variant: 'standard' },
  'AWS::ECR::Repository': { property: 'Tags', variant: 'standard' },
  'AWS::ECS::Cluster': { property: 'Tags', variant: 'standard' },
  'AWS::ECS::Service': { property: 'Tags', variant: 'standard' },
  'AWS::ECS::TaskDefinition': { property: 'Tags', variant: 'standard' },
  'AWS::EFS::AccessPoint': { property: 'AccessPointTags', variant: 'standard' },
  'AWS::EFS::FileSystem': { property: 'FileSystemTags', variant: 'standard' },
  'AWS::EKS::Addon': { property: 'Tags', variant: 'standard' },
  'AWS::EKS::Cluster': { property: 'Tags', variant: 'standard' },
  'AWS::EKS::Nodegroup': { property: 'Tags', variant: 'map' },
  'AWS::EKS::PodIdentityAssociation': { property: 'Tags', variant: 'standard' },
  'AWS::ElastiCache::ReplicationGroup': { property: 'Tags', variant: 'standard' },
  'AWS::ElastiCache::SubnetGroup': { property: 'Tags', variant: 'standard' },
  'AWS::ElasticLoadBalancingV2::Listener': { property: 'Tags', variant: 'standard' },
  'AWS::ElasticLoadBalancingV2::LoadBalancer': { property: 'Tags', variant: 'standard' },
  'AWS::ElasticLoadBalancingV2::TargetGroup': { property: 'Tags', variant: 'standard' },
  'AWS::Events::EventBus': { property: 'Tags', variant: 'standard' },
  'AWS::IAM::Role': { property: 'Tags', variant: 'standard' },
  'AWS::Kinesis::Stream': { property: 'Tags', variant: 'standard' },
  'AWS::KinesisFirehose::DeliveryStream': { property: 'Tags', variant: 'standard' },
  'AWS::KMS::Key': { property: 'Tags', variant: 'standard' },
  'AWS::Lambda::Function': { property: 'Tags', variant: 'standard' },
  'AWS::Logs::LogGroup': { property: 'Tags', variant: 'standard' },
  'AWS::OpenSearchService::Domain': { property: 'Tags', variant: 'standard' },
  'AWS::Pipes::Pipe': { property: 'Tags', variant: 'map' },
  'AWS::RDS::DBCluster': { property: 'Tags', variant: 'standard' },
  'AWS::RDS::DBInstance': { property: 'Tags', variant: 'standard' },
  'AWS::RDS::DBSubnetGroup': { property: 'Tags', variant: 'standard' },
  'AWS::S3::Bucket': { property: 'Tags', variant: 'standard' },
  'AWS::SecretsManager::Secret': { property: 'Tags', variant: 'standard' },
  'AWS::SES::EmailIdentity': { property: 'Tags', variant: 'standard' },
  'AWS::ServiceDiscovery::PrivateDnsNamespace': { property: 'Tags', variant: 'standard' },
  'AWS::ServiceDiscovery::Service': { property: 'Tags', variant: 'standard' },
  'AWS::SNS::Topic': { property: 'Tags', variant: 'standard' },
  'AWS::SQS::Queue': { property: 'Tags', variant: 'standard' },
  'AWS::StepFunctions::StateMachine': { property: 'Tags', variant: 'standard' },
  'AWS::WAFv2::WebACL': { property: 'Tags', variant: 'standard' },
};

/**
 * Add `tags` to a resource's properties in the form its type takes; keeps tags the kind already set.
 * `tags` is sorted once per object (an expansion passes the same one for every resource): do not change
 * it between calls.
 */
export function applyTags(
  type: string,
  properties: Record<string, CfnValue>,
  tags: Record<string, string>,
): void {
  const style = TAG_STYLES[type];
  if (!style) return;
  const existing = properties[style.property];
  if (existing === undefined || existing === null) {
    properties[style.property] = writeTags(style, sortedTags(tags));
    return;
  }
  const merged = new Map<string, string>();
  for (const [key, value] of Object.entries(tags)) merged.set(key, value);
  if (Array.isArray(existing)) {
    for (const tag of existing) {
      if (tag && typeof tag === 'object' && !Array.isArray(tag) && typeof tag.Key === 'string') {
        merged.set(tag.Key, String(tag.Value));
      }
    }
  } else if (existing && typeof existing === 'object') {
    for (const [key, value] of Object.entries(existing)) merged.set(key, String(value));
  }
  const keys = [...merged.keys()].sort();
  if (style.variant === 'map') {
    const map: Record<string, CfnValue> = {};
    for (const key of keys) map[key] = merged.get(key)!;
    properties[style.property] = map;
  } else if (style.variant === 'asg') {
    properties[style.property] = keys.map((key) => ({
      Key: key,
      Value: merged.get(key)!,
      PropagateAtLaunch: true,
    }));
  } else {
    properties[style.property] = keys.map((key) => ({ Key: key, Value: merged.get(key)! }));
  }
}

/** The same tags are applied to every resource of an expansion: sort them once per tags object. */
const sortedCache = new WeakMap<Record<string, string>, readonly (readonly [string, string])[]>();

function sortedTags(tags: Record<string, string>): readonly (readonly [string, string])[] {
  let sorted = sortedCache.get(tags);
  if (sorted === undefined) {
    const merged = new Map<string, string>(Object.entries(tags));
    sorted = [...merged.keys()].sort().map((key) => [key, merged.get(key)!] as const);
    sortedCache.set(tags, sorted);
  }
  return sorted;
}

function writeTags(style: TagStyle, sorted: readonly (readonly [string, string])[]): CfnValue {
  if (style.variant === 'map') {
    const map: Record<string, CfnValue> = {};
    for (const [key, value] of sorted) map[key] = value;
    return map;
  }
  if (style.variant === 'asg') {
    return sorted.map(([key, value]) => ({ Key: key, Value: value, PropagateAtLaunch: true }));
  }
  return sorted.map(([key, value]) => ({ Key: key, Value: value }));
}
