import type { CheckResult } from '../../rule.ts';
import { defineTemplateRule } from '../../rule.ts';
import { combine, eachItem, expectNoneOf, fail, PASS, unknown } from '../_support/check-result.ts';
import { valueList } from '../_support/policy-statements.ts';

const OUTDATED = ['SSLv3', 'TLSv1', 'TLSv1.1'];

export default defineTemplateRule({
  id: 'cloudfront-origin-https',
  title: 'CloudFront talks to custom origins over HTTPS with TLS 1.2',
  severity: 'warning',
  rationale:
    'With http-only or SSLv3/TLS 1.0 to the origin, traffic between CloudFront and the origin can be read or altered.',
  remediation:
    'Set CustomOriginConfig.OriginProtocolPolicy to https-only and OriginSSLProtocols to [TLSv1.2].',
  references: ['AwsSolutions-CFR5'],
  resourceTypes: ['AWS::CloudFront::Distribution'],
  check: (distribution, { index }) =>
    eachItem(distribution, 'DistributionConfig.Origins', (origin) => {
      const custom = distribution.has(`${origin}.CustomOriginConfig`);
      if (!custom.known) return unknown(`${origin}.CustomOriginConfig`, custom.reason);
      if (!custom.value) return PASS;
      const results: CheckResult[] = [
        expectNoneOf(
          distribution,
          `${origin}.CustomOriginConfig.OriginProtocolPolicy`,
          ['http-only'],
          'The origin is reached over plain HTTP',
        ),
      ];
      const protocols = valueList(distribution, index, `${origin}.CustomOriginConfig.OriginSSLProtocols`);
      if (!protocols.known)
        results.push(unknown(`${origin}.CustomOriginConfig.OriginSSLProtocols`, protocols.reason));
      else {
        const old = protocols.values.filter((p) => OUTDATED.includes(p));
        if (old.length > 0) {
          results.push(
            fail(
              `${origin}.CustomOriginConfig.OriginSSLProtocols`,
              `OriginSSLProtocols allows ${old.join(', ')}; expected [TLSv1.2]`,
              old,
              ['TLSv1.2'],
            ),
          );
        }
      }
      return combine(results);
    }),
});
