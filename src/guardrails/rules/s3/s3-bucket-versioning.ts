import { defineTemplateRule } from '../../rule.ts';
import { expectOneOf } from '../_support/check-result.ts';
import { setProperty, updateParams } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 's3-bucket-versioning',
  title: 'S3 buckets have versioning enabled',
  severity: 'warning',
  rationale:
    'Versioning keeps earlier versions of objects, so an overwrite or delete by mistake can be undone.',
  remediation: 'Set VersioningConfiguration.Status to Enabled (and a lifecycle rule to expire old versions).',
  references: ['CKV_AWS_21'],
  resourceTypes: ['AWS::S3::Bucket'],
  check: (bucket) =>
    expectOneOf(bucket, 'VersioningConfiguration.Status', ['Enabled'], 'Versioning is not enabled', {
      absent: 'never enabled',
    }),
  fix: {
    description: 'enable versioning',
    safe: true,
    patch: (bucket) => setProperty(bucket, 'VersioningConfiguration.Status', 'Enabled'),
    operations: (bucket) => updateParams(bucket, { versioning: true }),
  },
});
