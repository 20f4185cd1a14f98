import { defineTemplateRule } from '../../rule.ts';
import { expectNoneOf, expectPresent, PASS } from '../_support/check-result.ts';
import { refersToResource } from '../_support/policy-statements.ts';

export default defineTemplateRule({
  id: 'kinesis-stream-customer-managed-key',
  title: 'Kinesis data streams use a customer managed KMS key',
  severity: 'info',
  rationale:
    'A customer managed key adds a key policy the team controls and CloudTrail records of every use, which alias/aws/kinesis cannot give.',
  remediation: 'Set StreamEncryption.KeyId to a customer managed key.',
  references: ['AwsSolutions-KDS3'],
  resourceTypes: ['AWS::Kinesis::Stream'],
  check: (stream, { index }) => {
    const present = expectPresent(stream, 'StreamEncryption.KeyId', 'The stream has no KMS key');
    if (present.status !== 'pass') return present;
    // A key of this template (!Ref Key, !GetAtt Key.Arn) is customer managed by definition.
    if (refersToResource(stream, index, 'StreamEncryption.KeyId')) return PASS;
    return expectNoneOf(
      stream,
      'StreamEncryption.KeyId',
      ['alias/aws/kinesis'],
      'The stream uses the AWS managed key',
    );
  },
});
