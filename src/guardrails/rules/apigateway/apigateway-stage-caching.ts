import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'apigateway-stage-caching',
  title: 'REST API stages cache responses',
  severity: 'info',
  rationale:
    'A stage cache answers repeated requests without calling the backend, which absorbs load spikes and some denial-of-service traffic.',
  remediation: 'Set CacheClusterEnabled to true with a CacheClusterSize, and caching settings per method.',
  references: ['CKV_AWS_120'],
  resourceTypes: ['AWS::ApiGateway::Stage'],
  check: (stage) =>
    expectBool(stage, 'CacheClusterEnabled', true, 'Responses are not cached', { absent: false }),
});
