import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'cloudtrail-is-logging',
  title: 'CloudTrail trails are logging',
  severity: 'error',
  rationale:
    'A trail created with IsLogging false records nothing: the account has no audit trail from that trail at all.',
  remediation: 'Set IsLogging to true.',
  references: [
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudtrail-trail.html',
  ],
  resourceTypes: ['AWS::CloudTrail::Trail'],
  check: (trail) => expectBool(trail, 'IsLogging', true, 'The trail does not log', { absent: false }),
  fix: {
    description: 'start logging',
    safe: true,
    patch: (trail) => setProperty(trail, 'IsLogging', true),
  },
});
