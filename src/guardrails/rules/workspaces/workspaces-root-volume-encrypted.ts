import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'workspaces-root-volume-encrypted',
  title: 'WorkSpaces encrypt their root volume',
  severity: 'warning',
  rationale:
    'The root volume holds the operating system, caches and anything users save outside their profile.',
  remediation: 'Set RootVolumeEncryptionEnabled to true with a VolumeEncryptionKey (set at creation only).',
  references: ['CKV_AWS_156'],
  resourceTypes: ['AWS::WorkSpaces::Workspace'],
  check: (workspace) =>
    expectBool(workspace, 'RootVolumeEncryptionEnabled', true, 'The root volume is not encrypted', {
      absent: false,
    }),
});
