import { defineTemplateRule } from '../../rule.ts';
import { expectCustomerManagedKey } from '../_support/customer-managed-key.ts';

export default defineTemplateRule({
  id: 'sagemaker-endpoint-config-kms',
  title: 'SageMaker endpoint configurations encrypt their volumes with a KMS key',
  severity: 'info',
  rationale:
    'Endpoint instances store the model and request data on their volumes; a customer managed key controls who can read them.',
  remediation: 'Set KmsKeyId to a customer managed KMS key.',
  references: ['https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest.html'],
  resourceTypes: ['AWS::SageMaker::EndpointConfig'],
  check: (config, { index }) =>
    expectCustomerManagedKey(
      config,
      index,
      'KmsKeyId',
      'Endpoint volumes are not encrypted with a customer managed key',
    ),
});
