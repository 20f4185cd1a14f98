import { defineTemplateRule } from '../../rule.ts';
import { receivesAccessLogs } from '../_support/access-log-destination.ts';
import { eachItem, expectOneOf, fail, PASS } from '../_support/check-result.ts';

const PATH = 'BucketEncryption.ServerSideEncryptionConfiguration';

export default defineTemplateRule({
  id: 's3-bucket-kms-encryption',
  title: 'S3 buckets encrypt objects with a KMS key by default',
  severity: 'info',
  rationale: 'SSE-KMS adds a key policy and CloudTrail records of every decryption on top of SSE-S3.',
  remediation:
    'Set ServerSideEncryptionByDefault.SSEAlgorithm to aws:kms (with KMSMasterKeyID) and BucketKeyEnabled; buckets receiving S3 or load balancer access logs keep SSE-S3, the only encryption those logs support.',
  references: ['CKV_AWS_145'],
  resourceTypes: ['AWS::S3::Bucket'],
  check: (bucket, { index }) =>
    // Access log destinations only accept SSE-S3: KMS cannot be asked of them.
    receivesAccessLogs(bucket, index)
      ? PASS
      : eachItem(
          bucket,
          PATH,
          (item) =>
            expectOneOf(
              bucket,
              `${item}.ServerSideEncryptionByDefault.SSEAlgorithm`,
              ['aws:kms', 'aws:kms:dsse'],
              'Objects are not encrypted with KMS',
            ),
          () =>
            fail(
              PATH,
              'Objects are not encrypted with KMS: no default encryption is declared, so S3 uses SSE-S3 (AES256); expected SSEAlgorithm aws:kms',
              undefined,
              'aws:kms',
            ),
        ),
});
