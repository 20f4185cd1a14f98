import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'elb-access-logs',
  title: 'Classic load balancers write access logs',
  severity: 'warning',
  rationale:
    'Access logs record every request with its client address, latency and status; without them incidents cannot be reconstructed.',
  remediation: 'Set AccessLoggingPolicy with Enabled true, S3BucketName and EmitInterval.',
  references: ['CKV_AWS_92', 'AwsSolutions-ELB2'],
  resourceTypes: ['AWS::ElasticLoadBalancing::LoadBalancer'],
  check: (lb) =>
    expectBool(lb, 'AccessLoggingPolicy.Enabled', true, 'Requests are not logged', { absent: false }),
});
