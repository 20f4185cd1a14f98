import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'ec2-instance-termination-protection',
  title: 'Stand-alone EC2 instances have termination protection',
  severity: 'info',
  rationale:
    'Termination protection stops an API call or a console click from terminating an instance that holds state.',
  remediation: 'Set DisableApiTermination to true (instances in auto scaling groups are replaced instead).',
  references: ['AwsSolutions-EC29'],
  resourceTypes: ['AWS::EC2::Instance'],
  check: (instance) =>
    expectBool(instance, 'DisableApiTermination', true, 'Termination protection is off', { absent: false }),
  fix: {
    description: 'enable termination protection',
    safe: true,
    patch: (instance) => setProperty(instance, 'DisableApiTermination', true),
  },
});
