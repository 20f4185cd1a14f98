import { defineTemplateRule } from '../../rule.ts';
import { expectOneOf } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

const PATH = 'InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion';

export default defineTemplateRule({
  id: 'sagemaker-notebook-imdsv2',
  title: 'SageMaker notebook instances require IMDSv2',
  severity: 'warning',
  rationale:
    'IMDSv1 answers any request from the notebook, so code tricked into fetching a URL (SSRF) can read the execution role credentials.',
  remediation: `Set ${PATH} to "2".`,
  references: ['CKV_AWS_371'],
  resourceTypes: ['AWS::SageMaker::NotebookInstance'],
  check: (notebook) => expectOneOf(notebook, PATH, ['2'], 'IMDSv1 is allowed', { absent: '1' }),
  fix: {
    description: 'require IMDSv2 on the notebook instance',
    safe: true,
    patch: (notebook) => setProperty(notebook, PATH, '2'),
  },
});
