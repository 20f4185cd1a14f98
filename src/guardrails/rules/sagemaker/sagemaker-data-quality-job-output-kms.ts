import { defineTemplateRule } from '../../rule.ts';
import { expectPresent } from '../_support/check-result.ts';

const PATH = 'DataQualityJobOutputConfig.KmsKeyId';

export default defineTemplateRule({
  id: 'sagemaker-data-quality-job-output-kms',
  title: 'SageMaker data quality jobs encrypt their output with a KMS key',
  severity: 'info',
  rationale:
    'Monitoring reports contain statistics and samples of production data; a KMS key controls who can read them in S3.',
  remediation: `Set ${PATH}.`,
  references: ['CKV_AWS_367'],
  resourceTypes: ['AWS::SageMaker::DataQualityJobDefinition'],
  check: (job) => expectPresent(job, PATH, 'Job output is not encrypted with a KMS key'),
});
