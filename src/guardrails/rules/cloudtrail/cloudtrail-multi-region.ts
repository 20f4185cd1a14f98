import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'cloudtrail-multi-region',
  title: 'CloudTrail trails record every region',
  severity: 'warning',
  rationale:
    'A single-region trail misses activity in the other regions, which is where an intruder with stolen keys starts resources nobody watches.',
  remediation: 'Set IsMultiRegionTrail to true.',
  references: ['CKV_AWS_67'],
  resourceTypes: ['AWS::CloudTrail::Trail'],
  check: (trail) =>
    expectBool(trail, 'IsMultiRegionTrail', true, 'The trail records one region only', { absent: false }),
  fix: {
    description: 'record all regions (more events are delivered to the bucket)',
    safe: false,
    patch: (trail) => setProperty(trail, 'IsMultiRegionTrail', true),
  },
});
