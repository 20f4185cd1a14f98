import { definePublicAccessBlockRule } from '../_support/public-access-block.ts';

export default definePublicAccessBlockRule({
  id: 's3-bucket-block-public-acls',
  setting: 'BlockPublicAcls',
  title: 'S3 buckets refuse new public ACLs',
  rationale:
    'BlockPublicAcls makes S3 reject requests that set a public ACL on the bucket or its objects, the most common way objects become public by mistake.',
  references: ['CKV_AWS_53', 'AwsSolutions-S2'],
});
