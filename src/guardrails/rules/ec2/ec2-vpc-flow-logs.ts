import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'ec2-vpc-flow-logs',
  title: 'VPCs have flow logs',
  severity: 'warning',
  rationale:
    'Flow logs record which addresses talked to which, which incident response and network troubleshooting need.',
  remediation:
    'Add an AWS::EC2::FlowLog with ResourceType VPC and ResourceId !Ref <vpc>, delivering to CloudWatch Logs or S3.',
  references: ['AwsSolutions-VPC7'],
  resourceTypes: ['AWS::EC2::VPC'],
  check: (vpc, { index }) => {
    if (index.referencedBy(vpc.logicalId).some((r) => r.type === 'AWS::EC2::FlowLog')) return PASS;
    return fail(
      '',
      'No AWS::EC2::FlowLog references the VPC; expected a flow log',
      'no flow log',
      'a flow log',
    );
  },
});
