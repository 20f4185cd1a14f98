import type { CheckResult } from '../../rule.ts';
import { defineTemplateRule } from '../../rule.ts';
import { bucketPoliciesOf } from '../_support/bucket-policies.ts';
import { deniesInsecureTransport } from '../_support/tls-only-policy.ts';

export default defineTemplateRule({
  id: 's3-bucket-ssl-only',
  title: 'S3 buckets refuse requests without TLS',
  severity: 'warning',
  resourceTypes: ['AWS::S3::Bucket'],
  rationale:
    'Without a policy denying non-TLS requests, data can be read or written in clear text on the network.',
  remediation:
    'Attach an AWS::S3::BucketPolicy with a Deny statement for all principals when the condition Bool aws:SecureTransport is false.',
  references: ['AwsSolutions-S10'],
  check(resource, { index }): CheckResult {
    let undecided: CheckResult | undefined;
    for (const policy of bucketPoliciesOf(resource, index)) {
      const { found, results } = deniesInsecureTransport(policy, index);
      if (found) return { status: 'pass' };
      const open = (Array.isArray(results) ? results : [results]).find(
        (r: CheckResult) => r.status === 'unknown',
      ) as { reason: string } | undefined;
      if (open)
        undecided ??= { status: 'unknown', reason: `bucket policy ${policy.logicalId}: ${open.reason}` };
    }
    return (
      undecided ?? {
        status: 'fail',
        message:
          'No bucket policy denies requests without TLS; expected a Deny statement on aws:SecureTransport false.',
        actual: 'no such statement',
        expected: 'Deny when aws:SecureTransport is false',
      }
    );
  },
});
