import type { CheckResult, ResourceView } from '../../rule.ts';
import { defineTemplateRule } from '../../rule.ts';
import { combine, expectAtLeast, expectBool, PASS, unknown } from '../_support/check-result.ts';

const POLICY = 'Policies.PasswordPolicy';
const REQUIRED = ['RequireUppercase', 'RequireLowercase', 'RequireNumbers', 'RequireSymbols'] as const;

function checkPolicy(pool: ResourceView): CheckResult | readonly CheckResult[] {
  const results: CheckResult[] = [
    expectAtLeast(pool, `${POLICY}.MinimumLength`, 8, 'Passwords may be short', { absent: 8 }),
  ];
  for (const flag of REQUIRED) {
    results.push(expectBool(pool, `${POLICY}.${flag}`, true, 'Passwords may be weak', { absent: false }));
  }
  return combine(results);
}

export default defineTemplateRule({
  id: 'cognito-user-pool-password-policy',
  title: 'Cognito user pools require strong passwords',
  severity: 'warning',
  rationale:
    'A password policy that drops length or character classes lets users pick passwords that are guessed or found in breach lists.',
  remediation:
    'Leave Policies.PasswordPolicy unset (Cognito then requires 8 characters with upper and lower case, numbers and symbols) or set MinimumLength 8 or more and every Require* to true.',
  references: ['https://docs.aws.amazon.com/cognito/latest/developerguide/managing-users-passwords.html'],
  resourceTypes: ['AWS::Cognito::UserPool'],
  check: (pool) => {
    const has = pool.has(POLICY);
    if (!has.known) return unknown(POLICY, has.reason);
    // Without a policy Cognito applies its default one, which asks for all of the above.
    return has.value ? checkPolicy(pool) : PASS;
  },
});
