import { defineTemplateRule } from '../../rule.ts';
import { PASS, unknown } from '../_support/check-result.ts';
import { expectKeyValueTrue } from '../_support/key-value-list.ts';
import { setKeyValue } from '../_support/template-patch.ts';

const KEY = 'routing.http.drop_invalid_header_fields.enabled';

export default defineTemplateRule({
  id: 'elbv2-drop-invalid-headers',
  title: 'Application load balancers drop invalid HTTP headers',
  severity: 'warning',
  rationale: 'Passing malformed headers to targets enables HTTP request smuggling and desync attacks.',
  remediation: 'Set the attribute routing.http.drop_invalid_header_fields.enabled to true.',
  references: ['CKV_AWS_131'],
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  check: (lb) => {
    const type = lb.get('Type');
    if (!type.known) return unknown('Type', type.reason);
    if (type.value !== undefined && type.value !== 'application') return PASS;
    return expectKeyValueTrue(lb, 'LoadBalancerAttributes', KEY, 'Invalid headers are forwarded');
  },
  fix: {
    description: 'set the attribute routing.http.drop_invalid_header_fields.enabled to true',
    safe: true,
    patch: (lb) => setKeyValue(lb, 'LoadBalancerAttributes', KEY, 'true'),
  },
});
