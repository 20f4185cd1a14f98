import { defineTemplateRule } from '../../rule.ts';
import { expectCustomerManagedKey } from '../_support/customer-managed-key.ts';

export default defineTemplateRule({
  id: 'bedrock-agent-customer-managed-key',
  title: 'Bedrock agents encrypt their resources with a customer managed KMS key',
  severity: 'info',
  rationale:
    'Agent configuration and session data may hold prompts and customer data; a customer managed key lets the key policy decide who can read them.',
  remediation: 'Set CustomerEncryptionKeyArn to a customer managed KMS key.',
  references: ['CKV_AWS_373'],
  resourceTypes: ['AWS::Bedrock::Agent'],
  check: (agent, { index }) =>
    expectCustomerManagedKey(agent, index, 'CustomerEncryptionKeyArn', 'The agent uses an AWS owned key'),
});
