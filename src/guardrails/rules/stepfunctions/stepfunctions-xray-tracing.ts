import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'stepfunctions-xray-tracing',
  title: 'Step Functions state machines are traced with X-Ray',
  severity: 'info',
  rationale:
    'Traces follow an execution across the functions and services it calls, showing where time and errors come from.',
  remediation: 'Set TracingConfiguration.Enabled to true (the role needs xray:PutTraceSegments).',
  references: ['AwsSolutions-SF2'],
  resourceTypes: ['AWS::StepFunctions::StateMachine'],
  check: (machine) =>
    expectBool(machine, 'TracingConfiguration.Enabled', true, 'Executions are not traced', { absent: false }),
  fix: {
    description: 'trace executions with X-Ray',
    safe: false,
    patch: (machine) => setProperty(machine, 'TracingConfiguration.Enabled', true),
  },
});
