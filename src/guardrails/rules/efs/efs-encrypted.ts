import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'efs-encrypted',
  title: 'EFS file systems are encrypted at rest',
  severity: 'error',
  rationale:
    'Files on an unencrypted file system are stored in clear text; encryption cannot be turned on for an existing file system.',
  remediation:
    'Set Encrypted to true (and KmsKeyId for a customer managed key) when creating the file system.',
  references: ['CKV_AWS_42', 'AwsSolutions-EFS1'],
  resourceTypes: ['AWS::EFS::FileSystem'],
  check: (fs) => expectBool(fs, 'Encrypted', true, 'The file system is not encrypted', { absent: false }),
  fix: {
    description: 'encrypt the file system (replaces it: copy the data over)',
    safe: false,
    patch: (fs) => setProperty(fs, 'Encrypted', true),
  },
});
