import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'ec2-volume-encrypted',
  title: 'EBS volumes are encrypted',
  severity: 'error',
  rationale:
    'Unencrypted volumes and their snapshots expose data to anyone who gets a copy; encryption cannot be added to an existing volume in place.',
  remediation:
    'Set Encrypted to true (and KmsKeyId for a customer managed key), or turn on EBS encryption by default for the account.',
  references: ['CKV_AWS_3', 'AwsSolutions-EC26'],
  resourceTypes: ['AWS::EC2::Volume'],
  check: (volume) => expectBool(volume, 'Encrypted', true, 'The volume is not encrypted', { absent: false }),
  fix: {
    description: 'encrypt the volume (replaces it: data must be copied from a snapshot)',
    safe: false,
    patch: (volume) => setProperty(volume, 'Encrypted', true),
  },
});
