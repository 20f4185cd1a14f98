import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'ec2-vpc-endpoint-service-acceptance',
  title: 'VPC endpoint services accept connections manually',
  severity: 'warning',
  rationale:
    'Without AcceptanceRequired, any principal the service permissions allow connects at once; manual acceptance lets the owner vet each consumer.',
  remediation:
    'Set AcceptanceRequired to true (or allow only named principals with AWS::EC2::VPCEndpointServicePermissions).',
  references: ['CKV_AWS_123'],
  resourceTypes: ['AWS::EC2::VPCEndpointService'],
  check: (service) =>
    expectBool(service, 'AcceptanceRequired', true, 'Endpoint connections are accepted automatically', {
      absent: false,
    }),
  fix: {
    description: 'accept endpoint connections by hand',
    safe: false,
    patch: (service) => setProperty(service, 'AcceptanceRequired', true),
  },
});
