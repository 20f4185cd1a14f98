import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS, read } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'efs-access-point-root-directory',
  title: 'EFS access points confine clients to a directory',
  severity: 'info',
  rationale:
    'An access point rooted at "/" gives every client the whole file system instead of its own directory.',
  remediation:
    'Set RootDirectory.Path to the application directory (with CreationInfo so it is created with the right owner).',
  references: ['https://docs.aws.amazon.com/efs/latest/ug/efs-access-points.html'],
  resourceTypes: ['AWS::EFS::AccessPoint'],
  check: (ap) => {
    const path = read(ap, 'RootDirectory.Path');
    if ('result' in path) return path.result;
    if (typeof path.value === 'string' && path.value !== '/' && path.value !== '') return PASS;
    return fail(
      'RootDirectory.Path',
      `RootDirectory.Path is ${path.value === undefined ? 'not set (/)' : `"${String(path.value)}"`}; expected an application directory such as /app`,
      path.value ?? '/',
      '/app',
    );
  },
});
