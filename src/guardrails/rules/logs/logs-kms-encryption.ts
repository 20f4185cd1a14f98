import { defineTemplateRule } from '../../rule.ts';
import { expectPresent } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'logs-kms-encryption',
  title: 'CloudWatch log groups are encrypted with a KMS key',
  severity: 'info',
  rationale:
    'Logs often contain personal data and tokens; a KMS key adds a key policy the team controls over who can read them.',
  remediation: 'Set KmsKeyId to a KMS key whose policy allows logs.<region>.amazonaws.com to use it.',
  references: ['CKV_AWS_158'],
  resourceTypes: ['AWS::Logs::LogGroup'],
  check: (group) => expectPresent(group, 'KmsKeyId', 'Logs use the default encryption'),
});
