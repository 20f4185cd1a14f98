import { defineTemplateRule } from '../../rule.ts';
import { expectNoneOf } from '../_support/check-result.ts';
import { removeProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 's3-no-public-read-acl',
  title: 'S3 buckets do not grant read access to everyone through a canned ACL',
  severity: 'error',
  rationale:
    'The PublicRead and PublicReadWrite canned ACLs let anyone on the internet list and read the bucket.',
  remediation:
    'Remove AccessControl (use Private) and serve public content through CloudFront with origin access control.',
  references: ['CKV_AWS_20'],
  resourceTypes: ['AWS::S3::Bucket'],
  check: (bucket) =>
    expectNoneOf(
      bucket,
      'AccessControl',
      ['PublicRead', 'PublicReadWrite'],
      'The bucket is readable by everyone',
    ),
  fix: {
    description: 'remove the public canned ACL',
    safe: false,
    patch: (bucket) => removeProperty(bucket, 'AccessControl'),
  },
});
