import { defineTemplateRule } from '../../rule.ts';
import { checkOpenIngress, INGRESS_TYPES } from '../_support/security-group-ingress.ts';

export default defineTemplateRule({
  id: 'ec2-sg-no-open-all-ports',
  title: 'Security groups do not open every port to the internet',
  severity: 'error',
  rationale:
    'A rule for all protocols or ports 0-65535 from the internet exposes every service on the instance, including ones started later.',
  remediation:
    'Allow only the ports the service listens on (usually 443 on a load balancer), from the narrowest source.',
  references: ['AwsSolutions-EC23'],
  resourceTypes: INGRESS_TYPES,
  check: (group, { index }) =>
    checkOpenIngress(group, index, 'Every port is open to the internet', (rule) =>
      rule.allPorts ? 'specific ports only' : undefined,
    ),
});
