import { defineTemplateRule } from '../../rule.ts';
import { expectOneOf } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'transfer-server-not-public',
  title: 'Transfer Family servers use a VPC endpoint',
  severity: 'warning',
  rationale:
    'A PUBLIC endpoint is reachable from anywhere and cannot have security groups or fixed Elastic IPs; a VPC endpoint can be restricted and made internal.',
  remediation:
    'Set EndpointType to VPC with EndpointDetails (subnets, security groups, and Elastic IPs if it must be internet-facing).',
  references: ['CKV_AWS_164'],
  resourceTypes: ['AWS::Transfer::Server'],
  check: (server) =>
    expectOneOf(server, 'EndpointType', ['VPC', 'VPC_ENDPOINT'], 'The server endpoint is public', {
      absent: 'PUBLIC',
    }),
});
