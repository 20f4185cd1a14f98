import { defineTemplateRule } from '../../rule.ts';
import { expectPresent } from '../_support/check-result.ts';

const PATH = 'JobResources.ClusterConfig.VolumeKmsKeyId';

export default defineTemplateRule({
  id: 'sagemaker-data-quality-job-volume-kms',
  title: 'SageMaker data quality jobs encrypt their processing volumes with a KMS key',
  severity: 'info',
  rationale:
    'The monitoring instances copy production data to their volumes while they work; a KMS key controls who can read them.',
  remediation: `Set ${PATH}.`,
  references: ['CKV_AWS_368'],
  resourceTypes: ['AWS::SageMaker::DataQualityJobDefinition'],
  check: (job) => expectPresent(job, PATH, 'Processing volumes are not encrypted with a KMS key'),
});
