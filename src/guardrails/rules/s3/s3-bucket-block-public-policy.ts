import { definePublicAccessBlockRule } from '../_support/public-access-block.ts';

export default definePublicAccessBlockRule({
  id: 's3-bucket-block-public-policy',
  setting: 'BlockPublicPolicy',
  title: 'S3 buckets refuse public bucket policies',
  rationale:
    'BlockPublicPolicy makes S3 reject a bucket policy that grants public access, so one policy edit cannot publish the whole bucket.',
  references: ['CKV_AWS_54', 'AwsSolutions-S2'],
});
