import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS, read } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'elbv2-waf',
  title: 'Internet-facing application load balancers are protected by AWS WAF',
  severity: 'warning',
  rationale:
    'A web ACL blocks common exploits (SQL injection, known bad inputs, bots) before they reach the application.',
  remediation:
    'Add an AWS::WAFv2::WebACLAssociation with ResourceArn !Ref <load balancer> and a regional web ACL.',
  references: ['CKV2_AWS_28'],
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  check: (lb, { index }) => {
    const type = read(lb, 'Type');
    if ('result' in type) return type.result;
    if (type.value !== undefined && type.value !== 'application') return PASS;
    const scheme = read(lb, 'Scheme');
    if ('result' in scheme) return scheme.result;
    if (scheme.value === 'internal') return PASS;
    if (index.referencedBy(lb.logicalId).some((r) => r.type === 'AWS::WAFv2::WebACLAssociation')) return PASS;
    return fail(
      '',
      'No AWS::WAFv2::WebACLAssociation references the internet-facing load balancer; expected a web ACL',
      'no web ACL',
      'a WAFv2 web ACL',
    );
  },
});
