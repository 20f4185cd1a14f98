import type { CheckResult, Resolved, ResourceView } from '../../rule.ts';
import { defineTemplateRule } from '../../rule.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a statement's parts deny requests made without TLS (`aws:SecureTransport` false). */
function deniesInsecureTransport(effect: unknown, condition: unknown): boolean {
  if (effect !== 'Deny' || !isRecord(condition)) return false;
  const bool = isRecord(condition.Bool) ? condition.Bool : {};
  const secure = bool['aws:SecureTransport'];
  return secure === false || secure === 'false' || (Array.isArray(secure) && secure.includes('false'));
}

/** Read statement by statement so a symbolic Resource (`!Sub ${Bucket.Arn}`) does not hide the rest. */
function policyDenies(policy: ResourceView): Resolved<boolean> {
  const count = policy.length('PolicyDocument.Statement');
  if (!count.known) return count;
  const prefixes =
    count.value === undefined
      ? ['PolicyDocument.Statement']
      : Array.from({ length: count.value }, (_, i) => `PolicyDocument.Statement.${i}`);
  let undecided: Resolved<boolean> | undefined;
  for (const prefix of prefixes) {
    const effect = policy.get(`${prefix}.Effect`);
    const condition = policy.get(`${prefix}.Condition`);
    if (!effect.known || !condition.known) {
      undecided ??= effect.known ? (condition as Resolved<boolean>) : effect;
      continue;
    }
    if (deniesInsecureTransport(effect.value, condition.value)) return { known: true, value: true };
  }
  return undecided ?? { known: true, value: false };
}

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
    for (const referrer of index.referencedBy(resource.logicalId)) {
      if (referrer.type !== 'AWS::S3::BucketPolicy') continue;
      const denies = policyDenies(referrer);
      if (!denies.known) {
        undecided ??= { status: 'unknown', reason: `bucket policy ${referrer.logicalId}: ${denies.reason}` };
        continue;
      }
      if (denies.value) return { status: 'pass' };
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
