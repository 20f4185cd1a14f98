import { defineTemplateRule } from '../../rule.ts';
import { expectNoneOf } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'cloudfront-geo-restriction',
  title: 'CloudFront distributions restrict the countries they serve',
  severity: 'info',
  rationale:
    'Serving only the countries the business operates in cuts attack traffic and helps with export and licensing rules.',
  remediation:
    'Set DistributionConfig.Restrictions.GeoRestriction with RestrictionType whitelist (or blacklist) and Locations.',
  references: ['AwsSolutions-CFR1'],
  resourceTypes: ['AWS::CloudFront::Distribution'],
  check: (distribution) =>
    expectNoneOf(
      distribution,
      'DistributionConfig.Restrictions.GeoRestriction.RestrictionType',
      ['none'],
      'Every country is served',
      {
        absent: 'none',
      },
    ),
});
