import type { CheckResult } from '../../rule.ts';
import { defineTemplateRule } from '../../rule.ts';
import { combine, expectPresent, unknown } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'ec2-sg-rule-description',
  title: 'Security group rules have a description',
  severity: 'info',
  rationale:
    'A description says why a rule exists, so reviewers can tell a needed opening from a forgotten one.',
  remediation: 'Set Description on every ingress and egress rule.',
  references: ['CKV_AWS_23', 'AwsSolutions-EC27'],
  resourceTypes: [
    'AWS::EC2::SecurityGroup',
    'AWS::EC2::SecurityGroupIngress',
    'AWS::EC2::SecurityGroupEgress',
  ],
  check: (group) => {
    if (group.type !== 'AWS::EC2::SecurityGroup')
      return expectPresent(group, 'Description', 'The rule has no description');
    const results: CheckResult[] = [];
    for (const list of ['SecurityGroupIngress', 'SecurityGroupEgress']) {
      const n = group.length(list);
      if (!n.known) {
        results.push(unknown(list, n.reason));
        continue;
      }
      for (let i = 0; i < (n.value ?? 0); i++)
        results.push(expectPresent(group, `${list}.${i}.Description`, 'The rule has no description'));
    }
    return combine(results);
  },
});
