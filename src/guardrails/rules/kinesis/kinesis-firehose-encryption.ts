import { defineTemplateRule } from '../../rule.ts';
import { expectPresent, PASS, unknown } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'kinesis-firehose-encryption',
  title: 'Firehose delivery streams encrypt records at rest',
  severity: 'warning',
  rationale:
    'Records buffered by a Direct PUT delivery stream are stored unencrypted unless server-side encryption is on.',
  remediation:
    'Set DeliveryStreamEncryptionConfigurationInput.KeyType (AWS_OWNED_CMK or CUSTOMER_MANAGED_CMK).',
  references: ['AwsSolutions-KDF1'],
  resourceTypes: ['AWS::KinesisFirehose::DeliveryStream'],
  check: (stream) => {
    // Streams reading from a Kinesis data stream inherit that stream's encryption.
    const source = stream.has('KinesisStreamSourceConfiguration');
    if (!source.known) return unknown('KinesisStreamSourceConfiguration', source.reason);
    if (source.value) return PASS;
    return expectPresent(
      stream,
      'DeliveryStreamEncryptionConfigurationInput.KeyType',
      'Buffered records are not encrypted',
    );
  },
  fix: {
    description: 'encrypt with an AWS owned key',
    safe: true,
    patch: (stream) =>
      setProperty(stream, 'DeliveryStreamEncryptionConfigurationInput.KeyType', 'AWS_OWNED_CMK'),
  },
});
