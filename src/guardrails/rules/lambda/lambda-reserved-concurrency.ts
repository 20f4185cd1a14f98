import { defineTemplateRule } from '../../rule.ts';
import { expectPresent } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'lambda-reserved-concurrency',
  title: 'Lambda functions set a concurrency limit',
  severity: 'info',
  rationale:
    'Without a limit, one function can take all of the account concurrency during a burst and throttle every other function, or overwhelm a database.',
  remediation:
    'Set ReservedConcurrentExecutions to the concurrency the function and its downstreams can sustain.',
  references: ['CKV_AWS_115'],
  resourceTypes: ['AWS::Lambda::Function'],
  check: (fn) => expectPresent(fn, 'ReservedConcurrentExecutions', 'The function has no concurrency limit'),
});
