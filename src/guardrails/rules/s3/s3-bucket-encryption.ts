import { defineTemplateRule } from '../../rule.ts';
import { expectPresent } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 's3-bucket-encryption',
  title: 'S3 buckets declare default server-side encryption',
  severity: 'warning',
  rationale:
    'An explicit default encryption configuration makes the encryption at rest of every object visible in review and lets it use a KMS key the team controls.',
  remediation: 'Set BucketEncryption.ServerSideEncryptionConfiguration with SSEAlgorithm AES256 or aws:kms.',
  references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html'],
  resourceTypes: ['AWS::S3::Bucket'],
  check: (bucket) =>
    expectPresent(
      bucket,
      'BucketEncryption.ServerSideEncryptionConfiguration',
      'Default encryption is not declared',
    ),
  fix: {
    description: 'declare SSE-S3 (AES256) default encryption',
    safe: true,
    patch: (bucket) =>
      setProperty(bucket, 'BucketEncryption.ServerSideEncryptionConfiguration', [
        { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
      ]),
  },
});
