import { defineTemplateRule } from '../../rule.ts';
import { expectOneOf } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'stepfunctions-logging',
  title: 'Step Functions state machines log their executions',
  severity: 'warning',
  rationale:
    'Execution logs show which state failed, with which input and error; Express workflows keep no history at all without them.',
  remediation: 'Set LoggingConfiguration.Level to ALL, ERROR or FATAL with a CloudWatch Logs destination.',
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/stepfunctions-controls.html'],
  resourceTypes: ['AWS::StepFunctions::StateMachine'],
  check: (machine) =>
    expectOneOf(
      machine,
      'LoggingConfiguration.Level',
      ['ALL', 'ERROR', 'FATAL'],
      'Executions are not logged',
      {
        absent: 'OFF',
      },
    ),
});
