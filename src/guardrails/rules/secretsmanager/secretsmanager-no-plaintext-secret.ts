import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS } from '../_support/check-result.ts';
import { rawAt } from '../_support/policy-statements.ts';
import { removeProperty, setProperty } from '../_support/template-patch.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export default defineTemplateRule({
  id: 'secretsmanager-no-plaintext-secret',
  title: 'Secrets Manager secret values are not written in the template',
  severity: 'error',
  rationale:
    'A SecretString in the template is readable by everyone who can read the template, the stack or its history, which defeats the secret store.',
  remediation:
    'Use GenerateSecretString, or set the value outside the template (console, CLI, a NoEcho parameter).',
  references: [
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/cfn-example_reference-secret.html',
  ],
  resourceTypes: ['AWS::SecretsManager::Secret'],
  check: (secret, { index }) => {
    const raw = rawAt(secret, 'SecretString');
    if (raw === undefined) return PASS;
    if (typeof raw === 'string') {
      if (raw.includes('{{resolve:')) return PASS;
      return fail(
        'SecretString',
        'The secret value is a literal in the template; expected GenerateSecretString or a value set outside the template',
        '(redacted)',
        'GenerateSecretString',
      );
    }
    if (isRecord(raw) && typeof raw.Ref === 'string') {
      const parameters = index.template.Parameters;
      const parameter = isRecord(parameters) ? parameters[raw.Ref] : undefined;
      if (isRecord(parameter) && parameter.NoEcho !== true && parameter.NoEcho !== 'true') {
        return fail(
          'SecretString',
          `The secret value comes from parameter ${raw.Ref} without NoEcho; expected NoEcho: true`,
          `Ref ${raw.Ref}`,
          'NoEcho parameter',
        );
      }
    }
    // Sub / Join built from endpoints and names (connection info) is not a secret by itself.
    return PASS;
  },
  fix: {
    description: 'generate the secret value instead (applications must read the new value)',
    safe: false,
    patch: (secret) => [
      ...removeProperty(secret, 'SecretString'),
      ...setProperty(secret, 'GenerateSecretString', { PasswordLength: 32, ExcludePunctuation: true }),
    ],
  },
});
