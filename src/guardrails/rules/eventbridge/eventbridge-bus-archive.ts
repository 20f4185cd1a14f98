import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'eventbridge-bus-archive',
  title: 'Custom EventBridge buses archive their events',
  severity: 'info',
  rationale: 'An archive lets events be replayed after a consumer bug or outage instead of being lost.',
  remediation: 'Add an AWS::Events::Archive with SourceArn set to the bus ARN and a retention period.',
  references: ['https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-archive.html'],
  resourceTypes: ['AWS::Events::EventBus'],
  check: (bus, { index }) => {
    if (index.referencedBy(bus.logicalId).some((r) => r.type === 'AWS::Events::Archive')) return PASS;
    return fail(
      '',
      'No AWS::Events::Archive references the bus; expected an archive for replay',
      'no archive',
      'an archive',
    );
  },
});
