import { defineTemplateRule } from '../../rule.ts';
import { checkEbsMappingsEncrypted } from '../_support/block-device-mappings.ts';
import { fail } from '../_support/check-result.ts';

const LIST = 'BlockDeviceMappings';

export default defineTemplateRule({
  id: 'ec2-instance-ebs-encrypted',
  title: 'EC2 instance volumes are encrypted',
  severity: 'warning',
  rationale: 'Unencrypted EBS volumes and their snapshots expose data to anyone who gets a copy of them.',
  remediation:
    'Set Ebs.Encrypted to true on every block device mapping (or turn on EBS encryption by default for the account).',
  references: ['AwsSolutions-EC26'],
  resourceTypes: ['AWS::EC2::Instance'],
  check: (resource) =>
    checkEbsMappingsEncrypted(resource, LIST, () =>
      fail(
        LIST,
        'No BlockDeviceMappings: the root volume is encrypted only if the AMI or the account default says so; expected a mapping with Ebs.Encrypted true',
        undefined,
        'Ebs.Encrypted true',
      ),
    ),
});
