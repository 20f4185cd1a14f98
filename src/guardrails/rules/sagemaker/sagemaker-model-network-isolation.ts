import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'sagemaker-model-network-isolation',
  title: 'SageMaker models run with network isolation',
  severity: 'info',
  rationale:
    'A model container with network access can send the requests it serves, or its artifacts, anywhere; isolation cuts its outbound network.',
  remediation: 'Set EnableNetworkIsolation to true (the container then cannot call other services).',
  references: ['CKV_AWS_370'],
  resourceTypes: ['AWS::SageMaker::Model'],
  check: (model) =>
    expectBool(model, 'EnableNetworkIsolation', true, 'The model container has network access', {
      absent: false,
    }),
  fix: {
    description: 'isolate the model container from the network (it can no longer call other services)',
    safe: false,
    patch: (model) => setProperty(model, 'EnableNetworkIsolation', true),
  },
});
