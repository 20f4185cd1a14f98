import { defineTemplateRule } from '../../rule.ts';
import { expectPresent } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'sns-topic-encryption',
  title: 'SNS topics encrypt messages at rest',
  severity: 'warning',
  rationale: 'Messages published to an unencrypted topic are stored unencrypted until delivered.',
  remediation:
    'Set KmsMasterKeyId to a customer managed key whose policy lets the publishing services use it.',
  references: ['CKV_AWS_26'],
  resourceTypes: ['AWS::SNS::Topic'],
  check: (topic) => expectPresent(topic, 'KmsMasterKeyId', 'Encryption at rest is off'),
  fix: {
    description:
      'encrypt with the AWS managed key alias/aws/sns (services such as EventBridge and S3 cannot publish to it)',
    safe: false,
    patch: (topic) => setProperty(topic, 'KmsMasterKeyId', 'alias/aws/sns'),
  },
});
