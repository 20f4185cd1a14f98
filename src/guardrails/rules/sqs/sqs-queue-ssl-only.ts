import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS } from '../_support/check-result.ts';
import { hasTlsOnlyPolicy } from '../_support/tls-only-policy.ts';

export default defineTemplateRule({
  id: 'sqs-queue-ssl-only',
  title: 'SQS queues refuse requests that do not use TLS',
  severity: 'warning',
  rationale: 'Without a TLS-only queue policy, messages can be sent and received over plain HTTP.',
  remediation:
    'Add an AWS::SQS::QueuePolicy for the queue with a Deny statement for "sqs:*" when aws:SecureTransport is false.',
  references: ['AwsSolutions-SQS4'],
  resourceTypes: ['AWS::SQS::Queue'],
  check: (queue, { index }) => {
    const r = hasTlsOnlyPolicy(index, queue.logicalId, 'AWS::SQS::QueuePolicy');
    if (!r.known) return { status: 'unknown', reason: r.reason };
    if (r.value) return PASS;
    return fail(
      '',
      `No queue policy denies non-TLS requests (${r.policies} queue policies reference the queue); expected a Deny statement with Condition Bool aws:SecureTransport false`,
      'no TLS-only statement',
      'Deny when aws:SecureTransport is false',
    );
  },
});
