import { defineTemplateRule } from '../../rule.ts';
import { checkOpenIngress, coversPort, INGRESS_TYPES } from '../_support/security-group-ingress.ts';

export default defineTemplateRule({
  id: 'ec2-sg-no-open-rdp',
  title: 'Security groups do not open RDP (3389) to the internet',
  severity: 'error',
  rationale: 'RDP open to the internet is a leading ransomware entry point.',
  remediation: 'Remove the rule and use SSM Fleet Manager or a VPN, or restrict the source to a known CIDR.',
  references: ['CKV_AWS_25', 'AwsSolutions-EC23'],
  resourceTypes: INGRESS_TYPES,
  check: (group, { index }) =>
    checkOpenIngress(group, index, 'RDP is open to the internet', (rule) =>
      coversPort(rule, 3389) ? 'no internet access to port 3389' : undefined,
    ),
});
