import { defineTemplateRule } from '../../rule.ts';
import { asBool, fail, PASS, read, show } from '../_support/check-result.ts';

const PATH = 'DistributionConfig.ViewerCertificate';

export default defineTemplateRule({
  id: 'cloudfront-tls12',
  title: 'CloudFront distributions require TLS 1.2 from viewers',
  severity: 'warning',
  rationale:
    'The default CloudFront certificate and the older security policies accept TLS 1.0 and 1.1, which have known weaknesses.',
  remediation:
    'Use a custom certificate (AcmCertificateArn, SslSupportMethod sni-only) with MinimumProtocolVersion TLSv1.2_2021.',
  references: ['CKV_AWS_174', 'AwsSolutions-CFR4'],
  resourceTypes: ['AWS::CloudFront::Distribution'],
  check: (distribution) => {
    const defaultCert = read(distribution, `${PATH}.CloudFrontDefaultCertificate`);
    if ('result' in defaultCert) return defaultCert.result;
    const version = read(distribution, `${PATH}.MinimumProtocolVersion`);
    if ('result' in version) return version.result;
    const custom = distribution.has(`${PATH}.AcmCertificateArn`);
    const iam = distribution.has(`${PATH}.IamCertificateId`);
    const hasCustom = (custom.known && custom.value) || (iam.known && iam.value);
    if (asBool(defaultCert.value) === true || !hasCustom) {
      return fail(
        PATH,
        'The distribution uses the default *.cloudfront.net certificate, which accepts TLS 1.0; expected a custom certificate with MinimumProtocolVersion TLSv1.2_2021',
        'CloudFrontDefaultCertificate',
        'TLSv1.2_2021',
      );
    }
    if (typeof version.value === 'string' && version.value.startsWith('TLSv1.2')) return PASS;
    return fail(
      `${PATH}.MinimumProtocolVersion`,
      `MinimumProtocolVersion is ${show(version.value)}; expected TLSv1.2_2021 (or another TLSv1.2 policy)`,
      version.value,
      'TLSv1.2_2021',
    );
  },
});
