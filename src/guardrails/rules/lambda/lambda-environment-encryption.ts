import { defineTemplateRule } from '../../rule.ts';
import { expectPresent, PASS, unknown } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'lambda-environment-encryption',
  title: 'Lambda environment variables are encrypted with a customer managed key',
  severity: 'info',
  rationale:
    'With a customer managed key, reading the function configuration does not reveal its environment to everyone with lambda:GetFunction.',
  remediation:
    'Set KmsKeyArn to a customer managed key (and keep secrets in Secrets Manager rather than variables).',
  references: ['CKV_AWS_173'],
  resourceTypes: ['AWS::Lambda::Function'],
  check: (fn) => {
    const vars = fn.has('Environment.Variables');
    if (!vars.known) return unknown('Environment.Variables', vars.reason);
    if (!vars.value) return PASS;
    return expectPresent(fn, 'KmsKeyArn', 'Environment variables use the default key');
  },
});
