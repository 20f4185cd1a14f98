import { defineTemplateRule } from '../../rule.ts';
import { expectOneOf } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'lambda-xray-tracing',
  title: 'Lambda functions have active X-Ray tracing',
  severity: 'info',
  rationale: 'Tracing shows where time goes across services and which downstream call fails.',
  remediation: 'Set TracingConfig.Mode to Active (the role needs xray:PutTraceSegments).',
  references: ['CKV_AWS_50'],
  resourceTypes: ['AWS::Lambda::Function'],
  check: (fn) =>
    expectOneOf(fn, 'TracingConfig.Mode', ['Active'], 'Tracing is off', { absent: 'PassThrough' }),
  fix: {
    description: 'turn on active tracing',
    safe: true,
    patch: (fn) => setProperty(fn, 'TracingConfig.Mode', 'Active'),
  },
});
