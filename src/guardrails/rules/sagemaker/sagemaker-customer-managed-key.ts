import { defineTemplateRule } from '../../rule.ts';
import { expectCustomerManagedKey } from '../_support/customer-managed-key.ts';

export default defineTemplateRule({
  id: 'sagemaker-customer-managed-key',
  title: 'SageMaker notebook instances and domains encrypt storage with a customer managed KMS key',
  severity: 'info',
  rationale:
    'Notebook volumes and domain home directories hold training data and credentials; a customer managed key lets the key policy decide who can read them.',
  remediation: 'Set KmsKeyId to a customer managed KMS key.',
  references: ['CKV_AWS_187', 'AwsSolutions-SM2'],
  resourceTypes: ['AWS::SageMaker::NotebookInstance', 'AWS::SageMaker::Domain'],
  check: (resource, { index }) =>
    expectCustomerManagedKey(
      resource,
      index,
      'KmsKeyId',
      'Storage is not encrypted with a customer managed key',
    ),
});
