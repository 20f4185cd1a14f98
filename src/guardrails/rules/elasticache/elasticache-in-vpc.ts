import { defineTemplateRule } from '../../rule.ts';
import { expectPresent } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'elasticache-in-vpc',
  title: 'ElastiCache clusters run in a VPC subnet group',
  severity: 'warning',
  rationale:
    'A cache without a subnet group lands in the default VPC with the default security group, outside the network the team controls.',
  remediation: 'Set CacheSubnetGroupName to a subnet group of private subnets and SecurityGroupIds.',
  references: ['AwsSolutions-AEC1'],
  resourceTypes: ['AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::CacheCluster'],
  check: (cache) => expectPresent(cache, 'CacheSubnetGroupName', 'The cache has no subnet group'),
});
