import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS, unknown } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'sqs-queue-encryption',
  title: 'SQS queues encrypt messages at rest',
  severity: 'warning',
  rationale:
    'Messages often carry personal or business data; server-side encryption keeps them encrypted on disk.',
  remediation: 'Leave SqsManagedSseEnabled on (the default) or set KmsMasterKeyId to a KMS key.',
  references: [
    'AwsSolutions-SQS2',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/sqs-controls.html',
  ],
  resourceTypes: ['AWS::SQS::Queue'],
  check: (queue) => {
    const kms = queue.has('KmsMasterKeyId');
    if (!kms.known) return unknown('KmsMasterKeyId', kms.reason);
    if (kms.value) return PASS;
    const sse = queue.get('SqsManagedSseEnabled');
    if (!sse.known) return unknown('SqsManagedSseEnabled', sse.reason);
    if (sse.value !== false && sse.value !== 'false') return PASS;
    return fail(
      'SqsManagedSseEnabled',
      'Encryption at rest is off: SqsManagedSseEnabled is false and KmsMasterKeyId is not set; expected SqsManagedSseEnabled true or a KMS key',
      false,
      true,
    );
  },
  fix: {
    description: 'turn on SQS managed encryption',
    safe: true,
    patch: (queue) => setProperty(queue, 'SqsManagedSseEnabled', true),
  },
});
