import { defineTemplateRule } from '../../rule.ts';
import { eachItem, fail, PASS, unknown } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'cloudfront-s3-origin-access-control',
  title: 'CloudFront reaches S3 origins through origin access control',
  severity: 'warning',
  rationale:
    'Without origin access control the bucket must be public for CloudFront to read it, so viewers can bypass CloudFront (and its WAF, logging and caching).',
  remediation:
    'Add an AWS::CloudFront::OriginAccessControl, set OriginAccessControlId on the S3 origin and allow cloudfront.amazonaws.com in the bucket policy with an aws:SourceArn condition.',
  references: ['AwsSolutions-CFR7', 'AwsSolutions-CFR6'],
  resourceTypes: ['AWS::CloudFront::Distribution'],
  check: (distribution) =>
    eachItem(distribution, 'DistributionConfig.Origins', (origin) => {
      const s3 = distribution.has(`${origin}.S3OriginConfig`);
      if (!s3.known) return unknown(`${origin}.S3OriginConfig`, s3.reason);
      if (!s3.value) return PASS;
      const oac = distribution.has(`${origin}.OriginAccessControlId`);
      if (!oac.known) return unknown(`${origin}.OriginAccessControlId`, oac.reason);
      if (oac.value) return PASS;
      const oai = distribution.get(`${origin}.S3OriginConfig.OriginAccessIdentity`);
      const legacy = !oai.known || (typeof oai.value === 'string' && oai.value !== '');
      return fail(
        `${origin}.OriginAccessControlId`,
        legacy
          ? 'The S3 origin uses a legacy origin access identity; expected an origin access control (OriginAccessControlId)'
          : 'The S3 origin has no origin access control, so the bucket must be public; expected OriginAccessControlId',
        legacy ? 'origin access identity' : undefined,
        'OriginAccessControlId',
      );
    }),
});
