import { defineTemplateRule } from '../../rule.ts';
import { expectPresent } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'lambda-in-vpc',
  title: 'Lambda functions run inside a VPC',
  severity: 'info',
  rationale:
    'A function in a VPC reaches private resources without public endpoints and its egress can be controlled by security groups.',
  remediation: 'Set VpcConfig with private SubnetIds and SecurityGroupIds.',
  references: ['CKV_AWS_117'],
  resourceTypes: ['AWS::Lambda::Function'],
  check: (fn) => expectPresent(fn, 'VpcConfig.SubnetIds', 'The function is not attached to a VPC'),
});
