import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'cognito-identity-pool-no-unauthenticated',
  title: 'Cognito identity pools do not hand out credentials to unauthenticated guests',
  severity: 'warning',
  rationale:
    'With unauthenticated identities, anyone who knows the pool id gets AWS credentials for the guest role, which are easily over-granted.',
  remediation:
    'Set AllowUnauthenticatedIdentities to false, or keep it and give the guest role only what a stranger may do.',
  references: ['CKV_AWS_366', 'AwsSolutions-COG7'],
  resourceTypes: ['AWS::Cognito::IdentityPool'],
  check: (pool) => expectBool(pool, 'AllowUnauthenticatedIdentities', false, 'Guests get AWS credentials'),
});
