import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'elb-connection-draining',
  title: 'Classic load balancers drain connections',
  severity: 'info',
  rationale:
    'Without connection draining, in-flight requests fail whenever an instance is deregistered or found unhealthy.',
  remediation: 'Set ConnectionDrainingPolicy with Enabled true and a Timeout.',
  references: ['AwsSolutions-ELB3'],
  resourceTypes: ['AWS::ElasticLoadBalancing::LoadBalancer'],
  check: (lb) =>
    expectBool(lb, 'ConnectionDrainingPolicy.Enabled', true, 'In-flight requests are cut off', {
      absent: false,
    }),
  fix: {
    description: 'drain connections for up to 300 seconds',
    safe: true,
    patch: (lb) => setProperty(lb, 'ConnectionDrainingPolicy', { Enabled: true, Timeout: 300 }),
  },
});
