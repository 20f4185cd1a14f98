import { definePublicAccessBlockRule } from '../_support/public-access-block.ts';

export default definePublicAccessBlockRule({
  id: 's3-bucket-ignore-public-acls',
  setting: 'IgnorePublicAcls',
  title: 'S3 buckets ignore public ACLs',
  rationale:
    'IgnorePublicAcls makes S3 disregard public ACLs already on the bucket and its objects, including ones set before the block was turned on.',
  references: ['CKV_AWS_55', 'AwsSolutions-S2'],
});
