import { defineTemplateRule } from '../../rule.ts';
import { expectKeyValueTrue } from '../_support/key-value-list.ts';
import { setKeyValue } from '../_support/template-patch.ts';

const KEY = 'deletion_protection.enabled';

export default defineTemplateRule({
  id: 'elbv2-deletion-protection',
  title: 'Load balancers have deletion protection',
  severity: 'warning',
  rationale: 'Deleting a load balancer by mistake takes the service offline and loses its DNS name.',
  remediation: 'Set the attribute deletion_protection.enabled to true.',
  references: ['CKV_AWS_150'],
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  check: (lb) => expectKeyValueTrue(lb, 'LoadBalancerAttributes', KEY, 'Deletion protection is off'),
  fix: {
    description: 'set the attribute deletion_protection.enabled to true',
    safe: true,
    patch: (lb) => setKeyValue(lb, 'LoadBalancerAttributes', KEY, 'true'),
  },
});
