import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS } from '../_support/check-result.ts';
import { rawAt } from '../_support/policy-statements.ts';
import { secretReason } from '../_support/secret-values.ts';

/** A value that is only a `${...}` placeholder is filled in by a tool, not a secret written down. */
const PLACEHOLDER = /^\$\{[^}]*\}$/;
/** Values with "example" (AKIAIOSFODNN7EXAMPLE) and names marked test or example are documentation values. */
const EXAMPLE_VALUE = /example/i;
const TEST_NAME = /(^|[^a-z])(test|example)/i;

export default defineTemplateRule({
  id: 'ssm-parameter-no-plaintext-secret',
  title: 'SSM parameters hold no secrets written in the template',
  severity: 'error',
  rationale:
    'A String parameter is readable by anyone with ssm:GetParameter, and a value written in the template is also in source control and the stack history.',
  remediation:
    'Keep the secret in Secrets Manager (or a SecureString parameter created outside CloudFormation) and pass only its name.',
  references: ['CKV_AWS_384'],
  resourceTypes: ['AWS::SSM::Parameter'],
  check: (parameter) => {
    // Only values written as literal text can be hard-coded secrets; references and substitutions are not.
    const value = rawAt(parameter, 'Value');
    const name = parameter.get('Name');
    if (typeof value !== 'string' || !name.known || typeof name.value !== 'string') return PASS;
    if (PLACEHOLDER.test(value) || EXAMPLE_VALUE.test(value) || TEST_NAME.test(name.value)) return PASS;
    const reason = secretReason(name.value, value);
    if (reason === undefined) return PASS;
    return fail(
      'Value',
      `Parameter ${name.value} holds ${reason} in plain text; expected a reference to a secret`,
      '(redacted)',
      'a Secrets Manager reference',
    );
  },
});
