import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'ec2-instance-detailed-monitoring',
  title: 'EC2 instances have detailed monitoring',
  severity: 'info',
  rationale:
    'Detailed monitoring publishes metrics every minute instead of every five, so alarms and scaling react faster.',
  remediation: 'Set Monitoring to true.',
  references: ['AwsSolutions-EC28'],
  resourceTypes: ['AWS::EC2::Instance'],
  check: (instance) =>
    expectBool(instance, 'Monitoring', true, 'Detailed monitoring is off', { absent: false }),
  fix: {
    description: 'enable detailed monitoring',
    safe: true,
    patch: (instance) => setProperty(instance, 'Monitoring', true),
  },
});
