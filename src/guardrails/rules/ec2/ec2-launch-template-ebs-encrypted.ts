import { defineTemplateRule } from '../../rule.ts';
import { checkEbsMappingsEncrypted } from '../_support/block-device-mappings.ts';

const LIST = 'LaunchTemplateData.BlockDeviceMappings';

export default defineTemplateRule({
  id: 'ec2-launch-template-ebs-encrypted',
  title: 'Launch template volumes are encrypted',
  severity: 'warning',
  rationale: 'Unencrypted EBS volumes and their snapshots expose data to anyone who gets a copy of them.',
  remediation:
    'Set Ebs.Encrypted to true on every block device mapping (or turn on EBS encryption by default for the account).',
  references: ['CKV_AWS_8', 'AwsSolutions-EC26'],
  resourceTypes: ['AWS::EC2::LaunchTemplate'],
  check: (resource) => checkEbsMappingsEncrypted(resource, LIST),
});
