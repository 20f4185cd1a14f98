import type { CheckResult, ResourceView } from '../../rule.ts';
import { defineTemplateRule } from '../../rule.ts';
import { eachItem, fail, PASS, read } from '../_support/check-result.ts';

const CREDENTIAL_NAMES = new Set(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']);
const LIST = 'Environment.EnvironmentVariables';

function checkVariable(project: ResourceView, path: string): CheckResult {
  const name = read(project, `${path}.Name`);
  if ('result' in name) return name.result;
  if (typeof name.value !== 'string' || !CREDENTIAL_NAMES.has(name.value)) return PASS;
  const type = read(project, `${path}.Type`);
  if ('result' in type) return type.result;
  if (type.value !== undefined && type.value !== 'PLAINTEXT') return PASS;
  return fail(
    `${path}.Value`,
    `${name.value} is a plain-text environment variable, visible to anyone who can read the project; expected Type PARAMETER_STORE or SECRETS_MANAGER`,
    'PLAINTEXT',
    ['PARAMETER_STORE', 'SECRETS_MANAGER'],
  );
}

export default defineTemplateRule({
  id: 'codebuild-no-plaintext-aws-credentials',
  title: 'CodeBuild projects do not hold AWS access keys in plain-text variables',
  severity: 'error',
  rationale:
    'Plain-text environment variables are shown in the console, the API and build logs; access keys there leak to everyone with read access.',
  remediation:
    'Drop the keys and let the project service role grant access, or store them in Secrets Manager or Parameter Store and reference them with Type SECRETS_MANAGER / PARAMETER_STORE.',
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html'],
  resourceTypes: ['AWS::CodeBuild::Project'],
  check: (project) => eachItem(project, LIST, (item) => checkVariable(project, item)),
});
