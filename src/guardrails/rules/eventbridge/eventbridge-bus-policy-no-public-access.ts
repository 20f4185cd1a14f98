import type { CheckResult, ResourceView } from '../../rule.ts';
import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS, read, unknown } from '../_support/check-result.ts';
import { checkNoPublicPrincipal } from '../_support/public-principal.ts';

const WHAT = 'The event bus policy is public';

function isOpenStatementPrincipal(p: unknown): boolean {
  return p === '*' || (typeof p === 'object' && p !== null && (p as Record<string, unknown>).AWS === '*');
}

/** The Principal at `prefix` must not be open unless a Condition sits beside it. */
function checkStatement(
  resource: ResourceView,
  prefix: '' | 'Statement.',
  isOpen: (principal: unknown) => boolean,
): CheckResult {
  const principal = read(resource, `${prefix}Principal`);
  if ('result' in principal) return principal.result;
  if (!isOpen(principal.value)) return PASS;
  const condition = resource.has(`${prefix}Condition`);
  if (!condition.known) return unknown(`${prefix}Condition`, condition.reason);
  if (condition.value) return PASS;
  return fail(
    `${prefix}Principal`,
    `${WHAT}: Principal is "*" with no Condition; expected specific accounts or an aws:PrincipalOrgID condition`,
    '*',
    'specific principals',
  );
}

export default defineTemplateRule({
  id: 'eventbridge-bus-policy-no-public-access',
  title: 'EventBridge event bus policies do not allow every account',
  severity: 'error',
  rationale:
    'A bus policy for Principal "*" without a Condition lets any AWS account put events on the bus and trigger its rules.',
  remediation: 'Name the accounts, or add a Condition on aws:PrincipalOrgID.',
  references: ['AwsSolutions-EVB1'],
  resourceTypes: ['AWS::Events::EventBusPolicy', 'AWS::Events::EventBus'],
  check: (resource, { index }): CheckResult | readonly CheckResult[] => {
    if (resource.type === 'AWS::Events::EventBus') return checkNoPublicPrincipal(resource, index, WHAT);
    const statement = resource.has('Statement');
    if (!statement.known) return unknown('Statement', statement.reason);
    // A single statement object is a one-statement document; otherwise the policy is Principal + Condition.
    if (statement.value) return checkStatement(resource, 'Statement.', isOpenStatementPrincipal);
    return checkStatement(resource, '', (p) => p === '*');
  },
});
