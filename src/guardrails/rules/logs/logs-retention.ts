import { defineTemplateRule } from '../../rule.ts';
import { asNumber, expectPresent, fail, read, show } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

/** The retention periods CloudWatch Logs accepts (the AWS::Logs::LogGroup resource schema's enum). */
const RETENTION_DAYS: ReadonlySet<number> = new Set([
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
]);

export default defineTemplateRule({
  id: 'logs-retention',
  title: 'CloudWatch log groups set a retention period',
  severity: 'warning',
  rationale:
    'Without RetentionInDays, logs are kept and billed forever, and personal data in them is never deleted.',
  remediation:
    'Set RetentionInDays to what your audit and privacy rules require (for example 365), one of the periods CloudWatch Logs accepts.',
  references: ['CKV_AWS_66'],
  resourceTypes: ['AWS::Logs::LogGroup'],
  check: (group) => {
    const present = expectPresent(group, 'RetentionInDays', 'Logs are kept forever');
    if (present.status !== 'pass') return present;
    const days = read(group, 'RetentionInDays');
    if ('result' in days) return present; // set, to a value known at deploy time
    const value = asNumber(days.value);
    if (value !== undefined && RETENTION_DAYS.has(value)) return present;
    return fail(
      'RetentionInDays',
      `RetentionInDays is ${show(days.value)}, which CloudWatch Logs does not accept, so no retention applies; expected one of ${[...RETENTION_DAYS].join(', ')}`,
      days.value,
      [...RETENTION_DAYS],
    );
  },
  fix: {
    description: 'keep logs for 365 days (older events are deleted)',
    safe: false,
    patch: (group) => setProperty(group, 'RetentionInDays', 365),
  },
});
