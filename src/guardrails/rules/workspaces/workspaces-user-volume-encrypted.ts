import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'workspaces-user-volume-encrypted',
  title: 'WorkSpaces encrypt their user volume',
  severity: 'warning',
  rationale:
    'The user volume holds the user profile and documents, which are the data the workspace exists for.',
  remediation: 'Set UserVolumeEncryptionEnabled to true with a VolumeEncryptionKey (set at creation only).',
  references: ['CKV_AWS_155'],
  resourceTypes: ['AWS::WorkSpaces::Workspace'],
  check: (workspace) =>
    expectBool(workspace, 'UserVolumeEncryptionEnabled', true, 'The user volume is not encrypted', {
      absent: false,
    }),
});
