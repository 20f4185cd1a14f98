import { defineTemplateRule } from '../../rule.ts';
import { asBool, fail, PASS, read, show } from '../_support/check-result.ts';

const PATH = 'DistributionConfig.ViewerCertificate';

/**
 * Whether a CloudFront security policy name (`TLSv1.2_2021`, `TLSv1.3_2025`, `TLSv1_2016`, `SSLv3`) sets a
 * minimum of TLS 1.2 or later: its version is read from the name, so newer policies pass without a list.
 */
function atLeastTls12(policy: unknown): boolean {
  const match = typeof policy === 'string' ? /^TLSv(\d+)(?:\.(\d+))?_/.exec(policy) : null;
  if (!match) return false;
  const major = Number(match[1]);
  const minor = Number(match[2] ?? 0);
  return major > 1 || (major === 1 && minor >= 2);
}

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
    if (atLeastTls12(version.value)) return PASS;
    return fail(
      `${PATH}.MinimumProtocolVersion`,
      `MinimumProtocolVersion is ${show(version.value)}; expected TLSv1.2_2021 or a later policy (TLSv1.2_2025, TLSv1.3_2025)`,
      version.value,
      'TLSv1.2_2021',
    );
  },
});
