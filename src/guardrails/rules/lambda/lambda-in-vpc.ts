import { defineTemplateRule } from '../../rule.ts';
import { expectPresent, PASS } from '../_support/check-result.ts';
import { isEdgeFunction } from '../_support/lambda-edge.ts';

export default defineTemplateRule({
  id: 'lambda-in-vpc',
  title: 'Lambda functions run inside a VPC',
  severity: 'info',
  rationale:
    'A function in a VPC reaches private resources without public endpoints and its egress can be controlled by security groups.',
  remediation:
    'Set VpcConfig with private SubnetIds and SecurityGroupIds (Lambda@Edge functions, which cannot join a VPC, are not asked to).',
  references: ['CKV_AWS_117'],
  resourceTypes: ['AWS::Lambda::Function'],
  check: (fn, { index }) =>
    isEdgeFunction(fn, index)
      ? PASS
      : expectPresent(fn, 'VpcConfig.SubnetIds', 'The function is not attached to a VPC'),
});
