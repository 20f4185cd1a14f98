import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { expectCustomerManagedKey } from '../_support/customer-managed-key.ts';

export default defineTemplateRule({
  id: 'dynamodb-customer-managed-key',
  title: 'DynamoDB tables are encrypted with a customer managed KMS key',
  severity: 'info',
  rationale:
    'A customer managed key adds a key policy the team controls and CloudTrail records of every use, on top of the default AWS owned key.',
  remediation: 'Set SSESpecification.SSEEnabled to true, SSEType KMS and KMSMasterKeyId to your key.',
  references: ['CKV_AWS_119'],
  resourceTypes: ['AWS::DynamoDB::Table'],
  check: (table, { index }) => {
    const enabled = expectBool(
      table,
      'SSESpecification.SSEEnabled',
      true,
      'The table uses the AWS owned key',
      { absent: false },
    );
    if (enabled.status !== 'pass') return enabled;
    return expectCustomerManagedKey(
      table,
      index,
      'SSESpecification.KMSMasterKeyId',
      'The table uses the AWS managed key',
    );
  },
});
