import type { CheckResult } from '../../rule.ts';
import { defineTemplateRule } from '../../rule.ts';
import { combine, expectNoneOf, unknown } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

const DEFAULT = 'DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy';

export default defineTemplateRule({
  id: 'cloudfront-viewer-https',
  title: 'CloudFront distributions require HTTPS from viewers',
  severity: 'error',
  rationale:
    'With ViewerProtocolPolicy allow-all, pages, cookies and tokens travel in clear text between the browser and CloudFront.',
  remediation:
    'Set ViewerProtocolPolicy to redirect-to-https (or https-only) on the default and every cache behavior.',
  references: ['CKV_AWS_34'],
  resourceTypes: ['AWS::CloudFront::Distribution'],
  check: (distribution) => {
    const results: CheckResult[] = [
      expectNoneOf(distribution, DEFAULT, ['allow-all'], 'Viewers can use plain HTTP'),
    ];
    const n = distribution.length('DistributionConfig.CacheBehaviors');
    if (!n.known) results.push(unknown('DistributionConfig.CacheBehaviors', n.reason));
    else
      for (let i = 0; i < (n.value ?? 0); i++) {
        const path = `DistributionConfig.CacheBehaviors.${i}.ViewerProtocolPolicy`;
        results.push(expectNoneOf(distribution, path, ['allow-all'], 'Viewers can use plain HTTP'));
      }
    return combine(results);
  },
  fix: {
    description: 'redirect HTTP viewers to HTTPS',
    safe: true,
    patch: (distribution) => {
      const current = distribution.get(DEFAULT);
      const ops =
        current.known && current.value === 'allow-all'
          ? setProperty(distribution, DEFAULT, 'redirect-to-https')
          : [];
      const n = distribution.length('DistributionConfig.CacheBehaviors');
      for (let i = 0; i < (n.known ? (n.value ?? 0) : 0); i++) {
        const path = `DistributionConfig.CacheBehaviors.${i}.ViewerProtocolPolicy`;
        const value = distribution.get(path);
        if (value.known && value.value === 'allow-all')
          ops.push(...setProperty(distribution, path, 'redirect-to-https'));
      }
      return ops;
    },
  },
});
