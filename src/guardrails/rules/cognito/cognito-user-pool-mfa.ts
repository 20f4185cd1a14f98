import { defineTemplateRule } from '../../rule.ts';
import { expectOneOf } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'cognito-user-pool-mfa',
  title: 'Cognito user pools require multi-factor authentication',
  severity: 'warning',
  rationale: 'Without MFA a phished or reused password is enough to take over a user account.',
  remediation:
    'Set MfaConfiguration to ON with EnabledMfas (SOFTWARE_TOKEN_MFA, and SMS_MFA with an SmsConfiguration if needed).',
  references: ['AwsSolutions-COG2'],
  resourceTypes: ['AWS::Cognito::UserPool'],
  check: (pool) => expectOneOf(pool, 'MfaConfiguration', ['ON'], 'MFA is not required', { absent: 'OFF' }),
});
