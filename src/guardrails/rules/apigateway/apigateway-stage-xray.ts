import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'apigateway-stage-xray',
  title: 'API Gateway REST API stages have X-Ray tracing',
  severity: 'info',
  rationale:
    'Tracing follows a request from the API through the functions and services it calls and shows where it slows down or fails.',
  remediation: 'Set TracingEnabled to true.',
  references: ['CKV_AWS_73'],
  resourceTypes: ['AWS::ApiGateway::Stage'],
  check: (stage) => expectBool(stage, 'TracingEnabled', true, 'Tracing is off', { absent: false }),
  fix: {
    description: 'enable X-Ray tracing',
    safe: true,
    patch: (stage) => setProperty(stage, 'TracingEnabled', true),
  },
});
