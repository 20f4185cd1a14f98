import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS, unknown } from '../_support/check-result.ts';
import { rawAt } from '../_support/policy-statements.ts';
import { removeProperty, setProperty } from '../_support/template-patch.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export default defineTemplateRule({
  id: 'rds-no-plaintext-password',
  title: 'RDS master passwords are not written in the template',
  severity: 'error',
  rationale:
    'A password in the template is visible to everyone who can read the template, the stack or its history.',
  remediation:
    'Set ManageMasterUserPassword to true, or use a {{resolve:secretsmanager:...}} dynamic reference or a NoEcho parameter without a Default.',
  references: [
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/security-best-practices.html#creds',
  ],
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  check: (db, { index }) => {
    const raw = rawAt(db, 'MasterUserPassword');
    if (raw === undefined) return PASS;
    if (typeof raw === 'string') {
      if (raw.includes('{{resolve:')) return PASS;
      return fail(
        'MasterUserPassword',
        'The master password is a literal in the template; expected a managed or resolved secret',
        '(literal password)',
        'ManageMasterUserPassword or a dynamic reference',
      );
    }
    if (isRecord(raw) && typeof raw.Ref === 'string') {
      const parameters = index.template.Parameters;
      const parameter = isRecord(parameters) ? parameters[raw.Ref] : undefined;
      if (!isRecord(parameter)) return PASS;
      const noEcho = parameter.NoEcho === true || parameter.NoEcho === 'true';
      if (noEcho && parameter.Default !== undefined) {
        return fail(
          'MasterUserPassword',
          `The master password comes from NoEcho parameter ${raw.Ref}, whose Default is written in the template; expected no Default (or a managed secret)`,
          `Ref ${raw.Ref} (Default set)`,
          'a NoEcho parameter without Default',
        );
      }
      if (noEcho) return PASS;
      return fail(
        'MasterUserPassword',
        `The master password comes from parameter ${raw.Ref} without NoEcho; expected NoEcho: true or a managed secret`,
        `Ref ${raw.Ref}`,
        'NoEcho parameter',
      );
    }
    const text = JSON.stringify(raw);
    if (text.includes('{{resolve:') || text.includes('Fn::GetAtt') || text.includes('"Ref"')) return PASS;
    return unknown('MasterUserPassword', 'the password expression cannot be classified');
  },
  fix: {
    description: 'let RDS manage the master password in Secrets Manager (clients must read it from there)',
    safe: false,
    patch: (db) => [
      ...removeProperty(db, 'MasterUserPassword'),
      ...setProperty(db, 'ManageMasterUserPassword', true),
    ],
  },
});
