import { defineTemplateRule } from '../../rule.ts';
import { expectCustomerManagedKey } from '../_support/customer-managed-key.ts';

export default defineTemplateRule({
  id: 'timestream-database-customer-managed-key',
  title: 'Timestream databases are encrypted with a customer managed KMS key',
  severity: 'info',
  rationale:
    'Timestream encrypts every table with the AWS managed key by default; a customer managed key adds a key policy the team controls and logs every use.',
  remediation: 'Set KmsKeyId to a customer managed KMS key.',
  references: ['CKV_AWS_160', 'AwsSolutions-TS3'],
  resourceTypes: ['AWS::Timestream::Database'],
  check: (database, { index }) =>
    expectCustomerManagedKey(database, index, 'KmsKeyId', 'Tables use the AWS managed key'),
});
