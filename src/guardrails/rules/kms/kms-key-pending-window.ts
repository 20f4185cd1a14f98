import { defineTemplateRule } from '../../rule.ts';
import { expectAtLeast } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'kms-key-pending-window',
  title: 'KMS keys wait 30 days before deletion',
  severity: 'info',
  rationale:
    'The pending window is the only time to cancel a mistaken key deletion; a short window leaves little time to notice.',
  remediation: 'Leave PendingWindowInDays unset (30) or set it to 30.',
  references: [
    'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html#deleting-keys-scheduling-key-deletion',
  ],
  resourceTypes: ['AWS::KMS::Key'],
  check: (key) =>
    expectAtLeast(key, 'PendingWindowInDays', 30, 'The deletion window is short', { absent: 30 }),
  fix: {
    description: 'wait 30 days before deleting the key',
    safe: true,
    patch: (key) => setProperty(key, 'PendingWindowInDays', 30),
  },
});
