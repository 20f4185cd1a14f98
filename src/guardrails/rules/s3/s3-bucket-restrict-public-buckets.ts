import { definePublicAccessBlockRule } from '../_support/public-access-block.ts';

export default definePublicAccessBlockRule({
  id: 's3-bucket-restrict-public-buckets',
  setting: 'RestrictPublicBuckets',
  title: 'S3 buckets with a public policy are restricted to AWS principals of the account',
  rationale:
    'RestrictPublicBuckets limits a bucket whose policy is public to AWS service principals and users of the owning account, so an existing public policy stops serving anonymous requests.',
  references: ['CKV_AWS_56', 'AwsSolutions-S2'],
});
