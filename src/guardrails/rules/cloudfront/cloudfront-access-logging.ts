import { defineTemplateRule } from '../../rule.ts';
import { expectPresent } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'cloudfront-access-logging',
  title: 'CloudFront distributions write access logs',
  severity: 'warning',
  rationale:
    'Access logs record every viewer request, which security investigations and traffic analysis need.',
  remediation:
    'Set DistributionConfig.Logging.Bucket to a log bucket (bucket-name.s3.amazonaws.com) with ACLs enabled for log delivery.',
  references: ['CKV_AWS_86', 'AwsSolutions-CFR3'],
  resourceTypes: ['AWS::CloudFront::Distribution'],
  check: (distribution) =>
    expectPresent(distribution, 'DistributionConfig.Logging.Bucket', 'Access logging is off'),
});
