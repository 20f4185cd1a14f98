import { defineTemplateRule } from '../../rule.ts';
import { expectOneOf } from '../_support/check-result.ts';

const PATH = 'UserPoolAddOns.AdvancedSecurityMode';

export default defineTemplateRule({
  id: 'cognito-user-pool-threat-protection',
  title: 'Cognito user pools block risky sign-ins',
  severity: 'info',
  rationale:
    'Threat protection in ENFORCED mode blocks sign-ins with compromised credentials and challenges risky ones; AUDIT only records them.',
  remediation: `Set ${PATH} to ENFORCED (needs the Plus feature plan).`,
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/cognito-controls.html'],
  resourceTypes: ['AWS::Cognito::UserPool'],
  check: (pool) => expectOneOf(pool, PATH, ['ENFORCED'], 'Risky sign-ins are not blocked', { absent: 'OFF' }),
});
