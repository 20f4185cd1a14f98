import { defineTemplateRule } from '../../rule.ts';
import { expectCustomerManagedKey } from '../_support/customer-managed-key.ts';

export default defineTemplateRule({
  id: 'kinesis-stream-customer-managed-key',
  title: 'Kinesis data streams use a customer managed KMS key',
  severity: 'info',
  rationale:
    'A customer managed key adds a key policy the team controls and CloudTrail records of every use, which alias/aws/kinesis cannot give.',
  remediation: 'Set StreamEncryption.KeyId to a customer managed key.',
  references: ['AwsSolutions-KDS3'],
  resourceTypes: ['AWS::Kinesis::Stream'],
  check: (stream, { index }) =>
    expectCustomerManagedKey(
      stream,
      index,
      'StreamEncryption.KeyId',
      'The stream does not use a customer managed key',
    ),
});
