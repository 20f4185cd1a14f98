import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'ecr-image-scan-on-push',
  title: 'ECR repositories scan images on push',
  severity: 'warning',
  rationale: 'Scanning on push reports known vulnerabilities in an image before it is deployed.',
  remediation:
    'Set ImageScanningConfiguration.ScanOnPush to true (or use enhanced scanning in the registry settings).',
  references: ['CKV_AWS_163'],
  resourceTypes: ['AWS::ECR::Repository'],
  check: (repo) =>
    expectBool(repo, 'ImageScanningConfiguration.ScanOnPush', true, 'Images are not scanned', {
      absent: false,
    }),
  fix: {
    description: 'scan images on push',
    safe: true,
    patch: (repo) => setProperty(repo, 'ImageScanningConfiguration.ScanOnPush', true),
  },
});
