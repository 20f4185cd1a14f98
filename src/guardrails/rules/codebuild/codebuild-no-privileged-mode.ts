import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { removeProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'codebuild-no-privileged-mode',
  title: 'CodeBuild projects do not run builds in privileged mode',
  severity: 'warning',
  rationale:
    'Privileged mode gives the build container root access to the host Docker daemon, so a malicious dependency or build script can escape the container.',
  remediation:
    'Remove Environment.PrivilegedMode; build images with a rootless builder or a dedicated, isolated project where Docker is needed.',
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html'],
  resourceTypes: ['AWS::CodeBuild::Project'],
  check: (project) =>
    expectBool(project, 'Environment.PrivilegedMode', false, 'Builds run privileged', { absent: false }),
  fix: {
    description: 'run builds unprivileged (builds that run Docker stop working)',
    safe: false,
    patch: (project) => removeProperty(project, 'Environment.PrivilegedMode'),
  },
});
