import { defineTemplateRule } from '../../rule.ts';
import { expectPresent } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'logs-retention',
  title: 'CloudWatch log groups set a retention period',
  severity: 'warning',
  rationale:
    'Without RetentionInDays, logs are kept and billed forever, and personal data in them is never deleted.',
  remediation: 'Set RetentionInDays to what your audit and privacy rules require (for example 365).',
  references: ['CKV_AWS_66'],
  resourceTypes: ['AWS::Logs::LogGroup'],
  check: (group) => expectPresent(group, 'RetentionInDays', 'Logs are kept forever'),
  fix: {
    description: 'keep logs for 365 days (older events are deleted)',
    safe: false,
    patch: (group) => setProperty(group, 'RetentionInDays', 365),
  },
});
