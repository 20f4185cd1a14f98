import { defineTemplateRule } from '../../rule.ts';
import { expectOneOf, PASS } from '../_support/check-result.ts';
import { mentionedUnder } from '../_support/mentions.ts';
import { setProperty } from '../_support/template-patch.ts';

const LOGGING = new Set(['Logging']);

export default defineTemplateRule({
  id: 's3-bucket-acls-disabled',
  title: 'S3 buckets disable ACLs (bucket owner enforced)',
  severity: 'warning',
  rationale:
    'With ACLs disabled the bucket policy alone decides access, and objects uploaded by other accounts still belong to the bucket owner.',
  remediation:
    'Set OwnershipControls.Rules to [{ObjectOwnership: BucketOwnerEnforced}] (log buckets for CloudFront standard logs still need ACLs).',
  references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html'],
  resourceTypes: ['AWS::S3::Bucket'],
  check: (bucket, { index }) => {
    // CloudFront standard logging writes with ACLs, so its log bucket must keep them.
    const cloudFrontLogs = index
      .referencedBy(bucket.logicalId)
      .some(
        (r) =>
          r.type === 'AWS::CloudFront::Distribution' && mentionedUnder(index, r, LOGGING, bucket.logicalId),
      );
    if (cloudFrontLogs) return PASS;
    return expectOneOf(
      bucket,
      'OwnershipControls.Rules.0.ObjectOwnership',
      ['BucketOwnerEnforced'],
      'ACLs are enabled',
      {
        absent: 'BucketOwnerEnforced',
      },
    );
  },
  fix: {
    description: 'disable ACLs (clients that set ACLs on upload get errors)',
    safe: false,
    patch: (bucket) =>
      setProperty(bucket, 'OwnershipControls', { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] }),
  },
});
