import { defineTemplateRule } from '../../rule.ts';
import { expectOneOf } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'sagemaker-notebook-no-direct-internet',
  title: 'SageMaker notebook instances have no direct internet access',
  severity: 'warning',
  rationale:
    'With direct internet access (the default) the notebook bypasses the VPC, so data can leave without passing any egress control or flow log.',
  remediation:
    'Set DirectInternetAccess to Disabled and place the notebook in a subnet (SubnetId) with the endpoints it needs.',
  references: ['AwsSolutions-SM3'],
  resourceTypes: ['AWS::SageMaker::NotebookInstance'],
  check: (notebook) =>
    expectOneOf(
      notebook,
      'DirectInternetAccess',
      ['Disabled'],
      'The notebook reaches the internet directly',
      {
        absent: 'Enabled',
      },
    ),
});
