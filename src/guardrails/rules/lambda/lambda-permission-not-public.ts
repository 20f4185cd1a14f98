import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS, read, unknown } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'lambda-permission-not-public',
  title: 'Lambda permissions do not let everyone invoke the function',
  severity: 'error',
  rationale:
    'A permission for Principal "*" without a source condition lets any AWS account (or anyone, for a function URL) invoke the function.',
  remediation:
    'Grant invoke to the calling service principal with SourceArn, or to specific accounts; set PrincipalOrgID when sharing with an organization.',
  references: ['CKV_AWS_301'],
  resourceTypes: ['AWS::Lambda::Permission'],
  check: (permission) => {
    const principal = read(permission, 'Principal');
    if ('result' in principal) return principal.result;
    if (principal.value !== '*') return PASS;
    for (const path of ['SourceArn', 'SourceAccount', 'PrincipalOrgID']) {
      const has = permission.has(path);
      if (!has.known) return unknown(path, has.reason);
      if (has.value) return PASS;
    }
    return fail(
      'Principal',
      'Principal is "*" with no SourceArn, SourceAccount or PrincipalOrgID; expected a specific principal or source',
      '*',
      'a specific principal',
    );
  },
});
