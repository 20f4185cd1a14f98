import { defineTemplateRule } from '../../rule.ts';
import { eachItem, expectOneOf } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'elb-secure-listeners',
  title: 'Classic load balancer listeners terminate HTTPS or SSL',
  severity: 'warning',
  rationale: 'HTTP and TCP listeners carry client traffic, including credentials and cookies, unencrypted.',
  remediation:
    'Use Protocol HTTPS or SSL with an SSLCertificateId on every listener (or move to an Application Load Balancer).',
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html'],
  resourceTypes: ['AWS::ElasticLoadBalancing::LoadBalancer'],
  check: (lb) =>
    eachItem(lb, 'Listeners', (item) =>
      expectOneOf(lb, `${item}.Protocol`, ['HTTPS', 'SSL'], 'Clients connect unencrypted'),
    ),
});
