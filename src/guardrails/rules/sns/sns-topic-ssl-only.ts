import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS } from '../_support/check-result.ts';
import { hasTlsOnlyPolicy } from '../_support/tls-only-policy.ts';

export default defineTemplateRule({
  id: 'sns-topic-ssl-only',
  title: 'SNS topics refuse publishers that do not use TLS',
  severity: 'info',
  rationale: 'Without a TLS-only topic policy, messages can be published over plain HTTP.',
  remediation:
    'Add an AWS::SNS::TopicPolicy for the topic with a Deny statement for sns:Publish when aws:SecureTransport is false.',
  references: ['AwsSolutions-SNS3'],
  resourceTypes: ['AWS::SNS::Topic'],
  check: (topic, { index }) => {
    const r = hasTlsOnlyPolicy(index, topic.logicalId, 'AWS::SNS::TopicPolicy');
    if (!r.known) return { status: 'unknown', reason: r.reason };
    if (r.value) return PASS;
    return fail(
      '',
      `No topic policy denies non-TLS publishing (${r.policies} topic policies reference the topic); expected a Deny statement with Condition Bool aws:SecureTransport false`,
      'no TLS-only statement',
      'Deny when aws:SecureTransport is false',
    );
  },
});
