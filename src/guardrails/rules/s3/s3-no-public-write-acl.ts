import { defineTemplateRule } from '../../rule.ts';
import { expectNoneOf } from '../_support/check-result.ts';
import { removeProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 's3-no-public-write-acl',
  title: 'S3 buckets do not grant write access to everyone through a canned ACL',
  severity: 'error',
  rationale: 'The PublicReadWrite canned ACL lets anyone upload, overwrite and delete objects in the bucket.',
  remediation: 'Remove AccessControl (use Private); grant writes to specific roles through IAM.',
  references: ['CKV_AWS_57'],
  resourceTypes: ['AWS::S3::Bucket'],
  check: (bucket) =>
    expectNoneOf(bucket, 'AccessControl', ['PublicReadWrite'], 'The bucket is writable by everyone'),
  fix: {
    description: 'remove the public canned ACL',
    safe: false,
    patch: (bucket) => removeProperty(bucket, 'AccessControl'),
  },
});
