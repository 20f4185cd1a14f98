import type { ResourceView, TemplateIndex } from '../../rule.ts';
import { mentionedUnder } from './mentions.ts';

/**
 * Where buckets and classic and v2 load balancers name the bucket their access logs go to. S3 server
 * access logs and load balancer access logs can only be delivered to buckets encrypted with SSE-S3.
 */
const ACCESS_LOG_KEYS = new Set(['LoggingConfiguration', 'LoadBalancerAttributes', 'AccessLoggingPolicy']);

const ACCESS_LOG_SOURCES = new Set([
  'AWS::S3::Bucket',
  'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::ElasticLoadBalancing::LoadBalancer',
]);

/** Whether the bucket receives S3 server access logs or load balancer access logs. */
export function receivesAccessLogs(bucket: ResourceView, index: TemplateIndex): boolean {
  const acl = bucket.get('AccessControl');
  if (acl.known && acl.value === 'LogDeliveryWrite') return true;
  return index
    .referencedBy(bucket.logicalId)
    .some(
      (source) =>
        ACCESS_LOG_SOURCES.has(source.type) &&
        mentionedUnder(index, source, ACCESS_LOG_KEYS, bucket.logicalId),
    );
}
