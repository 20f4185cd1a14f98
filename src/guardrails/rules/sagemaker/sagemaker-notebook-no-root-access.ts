import { defineTemplateRule } from '../../rule.ts';
import { expectOneOf } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'sagemaker-notebook-no-root-access',
  title: 'SageMaker notebook users have no root access',
  severity: 'info',
  rationale:
    "Root on the notebook lets any user change its software and read everything on it, including other users' files and the instance credentials.",
  remediation: 'Set RootAccess to Disabled (lifecycle configurations still run as root).',
  references: ['https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-root-access.html'],
  resourceTypes: ['AWS::SageMaker::NotebookInstance'],
  check: (notebook) =>
    expectOneOf(notebook, 'RootAccess', ['Disabled'], 'Notebook users are root', { absent: 'Enabled' }),
  fix: {
    description: 'take root access away from notebook users',
    safe: false,
    patch: (notebook) => setProperty(notebook, 'RootAccess', 'Disabled'),
  },
});
