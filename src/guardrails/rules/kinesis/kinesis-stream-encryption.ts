import { defineTemplateRule } from '../../rule.ts';
import { expectOneOf } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'kinesis-stream-encryption',
  title: 'Kinesis data streams encrypt records at rest',
  severity: 'error',
  rationale: 'Records in an unencrypted stream are stored in clear text for the whole retention period.',
  remediation:
    'Set StreamEncryption with EncryptionType KMS and a KeyId (alias/aws/kinesis or a customer managed key).',
  references: ['CKV_AWS_43', 'AwsSolutions-KDS1'],
  resourceTypes: ['AWS::Kinesis::Stream'],
  check: (stream) =>
    expectOneOf(stream, 'StreamEncryption.EncryptionType', ['KMS'], 'Records are not encrypted', {
      absent: 'NONE',
    }),
  fix: {
    description: 'encrypt with the AWS managed key alias/aws/kinesis',
    safe: true,
    patch: (stream) =>
      setProperty(stream, 'StreamEncryption', { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' }),
  },
});
