import { defineTemplateRule } from '../../rule.ts';
import { checkOpenIngress, coversPort, INGRESS_TYPES } from '../_support/security-group-ingress.ts';

export default defineTemplateRule({
  id: 'ec2-sg-no-open-ssh',
  title: 'Security groups do not open SSH (22) to the internet',
  severity: 'error',
  rationale: 'SSH open to 0.0.0.0/0 or ::/0 is scanned and brute-forced within minutes of launch.',
  remediation:
    'Remove the rule and use SSM Session Manager, or restrict the source to a known CIDR or security group.',
  references: ['CKV_AWS_24', 'AwsSolutions-EC23'],
  resourceTypes: INGRESS_TYPES,
  check: (group, { index }) =>
    checkOpenIngress(group, index, 'SSH is open to the internet', (rule) =>
      coversPort(rule, 22) ? 'no internet access to port 22' : undefined,
    ),
});
