import { defineTemplateRule } from '../../rule.ts';
import { checkOpenIngress, INGRESS_TYPES } from '../_support/security-group-ingress.ts';

export default defineTemplateRule({
  id: 'ec2-sg-internet-web-ports-only',
  title: 'Security groups open only HTTP and HTTPS to the internet',
  severity: 'warning',
  rationale:
    'Anything but 80 and 443 open to 0.0.0.0/0 is usually a debugging shortcut that exposes an internal service.',
  remediation:
    'Restrict the source of the rule to a known CIDR or a security group, or put the service behind a load balancer.',
  references: ['AwsSolutions-EC23'],
  resourceTypes: INGRESS_TYPES,
  check: (group, { index }) =>
    checkOpenIngress(group, index, 'A non-web port is open to the internet', (rule) =>
      rule.from >= 80 && rule.to <= 80
        ? undefined
        : rule.from >= 443 && rule.to <= 443
          ? undefined
          : 'only ports 80 and 443 open to the internet',
    ),
});
