import { defineTemplateRule } from '../../rule.ts';
import { expectCustomerManagedKey } from '../_support/customer-managed-key.ts';

export default defineTemplateRule({
  id: 'codebuild-customer-managed-key',
  title: 'CodeBuild projects encrypt artifacts with a customer managed KMS key',
  severity: 'info',
  rationale:
    'A customer managed key lets the key policy decide who can read build outputs and logs every decryption; the default alias/aws/s3 key cannot be restricted.',
  remediation: 'Set EncryptionKey to a customer managed KMS key.',
  references: ['AwsSolutions-CB4'],
  resourceTypes: ['AWS::CodeBuild::Project'],
  check: (project, { index }) =>
    expectCustomerManagedKey(project, index, 'EncryptionKey', 'Artifacts use the AWS managed key'),
});
