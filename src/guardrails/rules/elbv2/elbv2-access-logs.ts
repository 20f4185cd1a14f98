import { defineTemplateRule } from '../../rule.ts';
import { expectKeyValueTrue } from '../_support/key-value-list.ts';
import { setKeyValue } from '../_support/template-patch.ts';

const KEY = 'access_logs.s3.enabled';

export default defineTemplateRule({
  id: 'elbv2-access-logs',
  title: 'Load balancers write access logs',
  severity: 'warning',
  rationale:
    'Access logs record every request with its client, path, status and latency, which incident response and debugging need.',
  remediation:
    'Set the attributes access_logs.s3.enabled to true and access_logs.s3.bucket to a log bucket that allows the ELB service to write.',
  references: ['CKV_AWS_91', 'AwsSolutions-ELB2'],
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  check: (lb) => expectKeyValueTrue(lb, 'LoadBalancerAttributes', KEY, 'Access logging is off'),
  fix: {
    description: 'set the attribute access_logs.s3.enabled to true',
    safe: false,
    patch: (lb) => setKeyValue(lb, 'LoadBalancerAttributes', KEY, 'true'),
  },
});
