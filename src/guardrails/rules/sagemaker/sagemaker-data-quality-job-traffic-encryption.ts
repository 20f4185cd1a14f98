import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

const PATH = 'NetworkConfig.EnableInterContainerTrafficEncryption';

export default defineTemplateRule({
  id: 'sagemaker-data-quality-job-traffic-encryption',
  title: 'SageMaker data quality jobs encrypt traffic between their instances',
  severity: 'info',
  rationale:
    'Distributed monitoring jobs exchange production data between instances; without this flag it travels unencrypted.',
  remediation: `Set ${PATH} to true.`,
  references: ['CKV_AWS_369'],
  resourceTypes: ['AWS::SageMaker::DataQualityJobDefinition'],
  check: (job) =>
    expectBool(job, PATH, true, 'Traffic between job instances is not encrypted', { absent: false }),
  fix: {
    description: 'encrypt traffic between job instances (jobs run a little slower)',
    safe: true,
    patch: (job) => setProperty(job, PATH, true),
  },
});
