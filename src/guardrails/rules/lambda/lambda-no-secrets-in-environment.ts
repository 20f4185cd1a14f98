import type { CheckResult } from '../../rule.ts';
import { defineTemplateRule } from '../../rule.ts';
import { combine, fail, unknown } from '../_support/check-result.ts';
import { rawAt } from '../_support/policy-statements.ts';
import { secretReason } from '../_support/secret-values.ts';

export default defineTemplateRule({
  id: 'lambda-no-secrets-in-environment',
  title: 'Lambda environment variables hold no plain-text secrets',
  severity: 'error',
  rationale:
    'Environment variables are visible to anyone who can read the function configuration or the template.',
  remediation:
    'Keep the secret in Secrets Manager or SSM Parameter Store and pass its ARN or name; read it at runtime.',
  references: ['CKV_AWS_45'],
  resourceTypes: ['AWS::Lambda::Function'],
  check: (fn) => {
    const vars = rawAt(fn, 'Environment.Variables');
    if (vars === undefined) return { status: 'pass' };
    if (typeof vars !== 'object' || vars === null || Array.isArray(vars)) {
      const whole = fn.get('Environment.Variables');
      if (!whole.known) return unknown('Environment.Variables', whole.reason);
      return { status: 'pass' };
    }
    const results: CheckResult[] = [];
    for (const name of Object.keys(vars).sort()) {
      const value = fn.get(`Environment.Variables.${name}`);
      if (!value.known || typeof value.value !== 'string') continue; // references to resources are not secrets
      const reason = secretReason(name, value.value);
      if (reason) {
        results.push(
          fail(
            `Environment.Variables.${name}`,
            `Variable ${name} holds ${reason} in plain text; expected a reference to a secret`,
            '(redacted)',
            'a Secrets Manager or SSM reference',
          ),
        );
      }
    }
    return combine(results);
  },
});
