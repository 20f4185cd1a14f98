import { defineTemplateRule } from '../../rule.ts';
import { expectCustomerManagedKey } from '../_support/customer-managed-key.ts';

export default defineTemplateRule({
  id: 'cloudtrail-kms-encryption',
  title: 'CloudTrail trails encrypt log files with a customer managed KMS key',
  severity: 'warning',
  rationale:
    'With SSE-KMS, reading the audit trail needs kms:Decrypt on a key the security team controls, not only read access to the bucket, and every decryption is itself logged.',
  remediation: 'Set KMSKeyId to a customer managed key whose policy lets cloudtrail.amazonaws.com encrypt.',
  references: ['CKV_AWS_35'],
  resourceTypes: ['AWS::CloudTrail::Trail'],
  check: (trail, { index }) =>
    expectCustomerManagedKey(trail, index, 'KMSKeyId', 'Log files are not encrypted with a KMS key'),
});
