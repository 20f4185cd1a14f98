import { defineTemplateRule } from '../../rule.ts';
import { expectPresent } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'cloudfront-waf',
  title: 'CloudFront distributions are protected by AWS WAF',
  severity: 'warning',
  rationale:
    'A web ACL at the edge blocks common exploits, bad bots and floods before they reach the origin.',
  remediation: 'Set DistributionConfig.WebACLId to the ARN of a WAFv2 web ACL with scope CLOUDFRONT.',
  references: ['CKV_AWS_68', 'AwsSolutions-CFR2'],
  resourceTypes: ['AWS::CloudFront::Distribution'],
  check: (distribution) => expectPresent(distribution, 'DistributionConfig.WebACLId', 'No web ACL'),
});
