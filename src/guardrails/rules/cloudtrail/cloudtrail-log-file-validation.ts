import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'cloudtrail-log-file-validation',
  title: 'CloudTrail trails validate their log files',
  severity: 'warning',
  rationale:
    'Digest files let an investigator prove that no log file was changed or deleted after delivery; without them tampering goes unnoticed.',
  remediation: 'Set EnableLogFileValidation to true.',
  references: ['CKV_AWS_36'],
  resourceTypes: ['AWS::CloudTrail::Trail'],
  check: (trail) =>
    expectBool(trail, 'EnableLogFileValidation', true, 'Log files are not validated', { absent: false }),
  fix: {
    description: 'turn on log file validation',
    safe: true,
    patch: (trail) => setProperty(trail, 'EnableLogFileValidation', true),
  },
});
