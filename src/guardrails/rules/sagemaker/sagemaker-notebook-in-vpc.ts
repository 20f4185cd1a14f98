import { defineTemplateRule } from '../../rule.ts';
import { expectPresent } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'sagemaker-notebook-in-vpc',
  title: 'SageMaker notebook instances run in a VPC',
  severity: 'warning',
  rationale: 'Outside a VPC the notebook gets no security groups, endpoint policies or flow logs around it.',
  remediation: 'Set SubnetId and SecurityGroupIds.',
  references: ['AwsSolutions-SM1'],
  resourceTypes: ['AWS::SageMaker::NotebookInstance'],
  check: (notebook) => expectPresent(notebook, 'SubnetId', 'The notebook is not in a VPC'),
});
