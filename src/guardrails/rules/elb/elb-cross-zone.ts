import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'elb-cross-zone',
  title: 'Classic load balancers balance across zones',
  severity: 'info',
  rationale:
    'Without cross-zone load balancing each zone gets the same share of traffic whatever its number of instances, so a zone with fewer instances overloads first.',
  remediation: 'Set CrossZone to true.',
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html'],
  resourceTypes: ['AWS::ElasticLoadBalancing::LoadBalancer'],
  check: (lb) =>
    expectBool(lb, 'CrossZone', true, 'Traffic is split by zone, not by instance', { absent: false }),
  fix: {
    description: 'balance traffic across zones',
    safe: true,
    patch: (lb) => setProperty(lb, 'CrossZone', true),
  },
});
