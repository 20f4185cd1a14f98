import { defineTemplateRule } from '../../rule.ts';
import { expectPresent, PASS } from '../_support/check-result.ts';
import { mentionedUnder } from '../_support/mentions.ts';

/** Properties through which buckets, load balancers, distributions, trails and flow logs name their log bucket. */
const LOG_DESTINATION_KEYS = new Set([
  'LoggingConfiguration',
  'LoadBalancerAttributes',
  'Logging',
  'S3BucketName',
  'LogDestination',
]);

export default defineTemplateRule({
  id: 's3-bucket-logging',
  title: 'S3 buckets have server access logging enabled',
  severity: 'warning',
  rationale:
    'Access logs record every request to the bucket, which security investigations and audits rely on.',
  remediation: 'Set LoggingConfiguration.DestinationBucketName to a dedicated log bucket.',
  references: ['CKV_AWS_18', 'AwsSolutions-S1'],
  resourceTypes: ['AWS::S3::Bucket'],
  check: (bucket, { index }) => {
    const r = bucket.has('LoggingConfiguration');
    if (r.known && r.value) return PASS;
    // A bucket that receives access logs does not log itself (that would log forever).
    if (
      index
        .referencedBy(bucket.logicalId)
        .some((ref) => mentionedUnder(index, ref, LOG_DESTINATION_KEYS, bucket.logicalId))
    ) {
      return PASS;
    }
    return expectPresent(
      bucket,
      'LoggingConfiguration.DestinationBucketName',
      'Server access logging is off',
    );
  },
});
