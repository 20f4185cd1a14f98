import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS } from '../_support/check-result.ts';
import { deniesInsecureTransport } from '../_support/tls-only-policy.ts';

export default defineTemplateRule({
  id: 'efs-file-system-policy-tls',
  title: 'EFS file systems refuse clients that do not use TLS',
  severity: 'info',
  rationale:
    'A file system policy that denies non-TLS connections makes encryption in transit mandatory for every client, not a mount option someone may forget.',
  remediation: 'Add a FileSystemPolicy statement denying all actions when aws:SecureTransport is false.',
  references: ['https://docs.aws.amazon.com/efs/latest/ug/encryption-in-transit.html'],
  resourceTypes: ['AWS::EFS::FileSystem'],
  check: (fs, { index }) => {
    const { found, results } = deniesInsecureTransport(fs, index);
    if (found) return PASS;
    if (results !== PASS) return results;
    return fail(
      'FileSystemPolicy',
      'No FileSystemPolicy statement denies non-TLS clients; expected a Deny when aws:SecureTransport is false',
      'no TLS-only statement',
      'Deny when aws:SecureTransport is false',
    );
  },
});
