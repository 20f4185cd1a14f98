import { defineTemplateRule } from '../../rule.ts';
import { eachItem, expectPresent, PASS, unknown } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'cloudfront-default-root-object',
  title: 'CloudFront distributions with S3 origins set a default root object',
  severity: 'info',
  rationale:
    'Without a default root object, a request for "/" is forwarded to the bucket and can return an error page or a listing instead of the site.',
  remediation: 'Set DistributionConfig.DefaultRootObject (usually index.html).',
  references: ['https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DefaultRootObject.html'],
  resourceTypes: ['AWS::CloudFront::Distribution'],
  check: (distribution) => {
    let s3 = false;
    const origins = eachItem(distribution, 'DistributionConfig.Origins', (origin) => {
      const has = distribution.has(`${origin}.S3OriginConfig`);
      if (!has.known) return unknown(`${origin}.S3OriginConfig`, has.reason);
      if (has.value) s3 = true;
      return PASS;
    });
    if (origins !== PASS) return origins;
    if (!s3) return PASS;
    return expectPresent(
      distribution,
      'DistributionConfig.DefaultRootObject',
      'Requests for / go to the bucket root',
    );
  },
});
