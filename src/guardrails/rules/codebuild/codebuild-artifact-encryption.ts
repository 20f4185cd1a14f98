import type { CheckResult, ResourceView } from '../../rule.ts';
import { defineTemplateRule } from '../../rule.ts';
import { asBool, combine, fail, PASS, read, unknown } from '../_support/check-result.ts';

/** An S3 artifact at `path` must not turn encryption off (other artifact types store nothing to encrypt). */
function checkArtifact(project: ResourceView, path: string): CheckResult {
  const type = read(project, `${path}.Type`);
  if ('result' in type) return type.result;
  if (type.value !== 'S3') return PASS;
  const disabled = read(project, `${path}.EncryptionDisabled`);
  if ('result' in disabled) return disabled.result;
  if (asBool(disabled.value) !== true) return PASS;
  return fail(
    `${path}.EncryptionDisabled`,
    `Build artifacts are stored unencrypted: ${path}.EncryptionDisabled is true; expected false`,
    disabled.value,
    false,
  );
}

export default defineTemplateRule({
  id: 'codebuild-artifact-encryption',
  title: 'CodeBuild projects keep S3 artifact encryption on',
  severity: 'error',
  rationale:
    'Build artifacts often carry compiled secrets, configuration and deployable code; EncryptionDisabled writes them to S3 unencrypted.',
  remediation:
    'Remove EncryptionDisabled (or set it to false) on Artifacts and SecondaryArtifacts of type S3.',
  references: ['CKV_AWS_78'],
  resourceTypes: ['AWS::CodeBuild::Project'],
  check: (project) => {
    const results = [checkArtifact(project, 'Artifacts')];
    const n = project.length('SecondaryArtifacts');
    if (!n.known) results.push(unknown('SecondaryArtifacts', n.reason));
    else
      for (let i = 0; i < (n.value ?? 0); i++)
        results.push(checkArtifact(project, `SecondaryArtifacts.${i}`));
    return combine(results);
  },
});
