import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS } from '../_support/check-result.ts';
import { rawAt } from '../_support/policy-statements.ts';
import { textSecretReason } from '../_support/secret-values.ts';

function decoded(text: string): string {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/\s]+=*$/.test(text)) return text;
  const plain = Buffer.from(text, 'base64').toString('utf8');
  const printable = [...plain].every((c) => c === '\t' || c === '\n' || c === '\r' || (c >= ' ' && c <= '~'));
  return printable ? plain : text;
}

export default defineTemplateRule({
  id: 'ec2-no-secrets-in-user-data',
  title: 'EC2 user data holds no plain-text secrets',
  severity: 'error',
  rationale:
    'User data is readable by anyone who can describe the instance and by every process on it through the metadata service.',
  remediation: 'Fetch secrets at boot from Secrets Manager or SSM Parameter Store using the instance role.',
  references: ['CKV_AWS_46'],
  resourceTypes: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate'],
  check: (resource) => {
    const path = resource.type === 'AWS::EC2::Instance' ? 'UserData' : 'LaunchTemplateData.UserData';
    const value = resource.get(path);
    // Symbolic parts (!Ref, !GetAtt) are names and ARNs, not secrets: scan the literal text as written.
    const text =
      value.known && typeof value.value === 'string'
        ? decoded(value.value)
        : JSON.stringify(rawAt(resource, path) ?? '');
    const reason = textSecretReason(text);
    if (!reason) return PASS;
    return fail(
      path,
      `The user data contains ${reason} in plain text; expected secrets fetched at boot from Secrets Manager or SSM`,
      '(redacted)',
      'no secrets',
    );
  },
});
