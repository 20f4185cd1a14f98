import type { CheckResult, ResourceView } from '../../rule.ts';
import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS, read, unknown } from '../_support/check-result.ts';

const GROUP = 'AWSManagedRulesKnownBadInputsRuleSet';
/** The rules of the group that match Log4j lookups (Log4JRCE, and its per-location variants). */
const LOG4J_RULE = /^Log4JRCE/;

/** Why the managed group rule at `rule` does not block Log4j lookups, or undefined when it does. */
function weakened(acl: ResourceView, rule: string): string | undefined | CheckResult {
  const statement = `${rule}.Statement.ManagedRuleGroupStatement`;
  const excluded = read(acl, `${statement}.ExcludedRules`);
  if ('result' in excluded) return excluded.result;
  const excludedNames = Array.isArray(excluded.value) ? excluded.value : [];
  for (const item of excludedNames) {
    const name = (item as { Name?: unknown } | null)?.Name;
    if (typeof name === 'string' && LOG4J_RULE.test(name)) return `it excludes ${name}`;
  }
  const overrides = read(acl, `${statement}.RuleActionOverrides`);
  if ('result' in overrides) return overrides.result;
  for (const item of Array.isArray(overrides.value) ? overrides.value : []) {
    const override = item as { Name?: unknown; ActionToUse?: Record<string, unknown> } | null;
    const name = override?.Name;
    if (
      typeof name === 'string' &&
      LOG4J_RULE.test(name) &&
      override?.ActionToUse &&
      !('Block' in override.ActionToUse)
    )
      return `it overrides ${name} to ${Object.keys(override.ActionToUse).join(', ')}`;
  }
  const action = read(acl, `${rule}.OverrideAction`);
  if ('result' in action) return action.result;
  if (action.value !== undefined && typeof action.value === 'object' && action.value !== null) {
    const kind = Object.keys(action.value)[0];
    if (kind !== undefined && kind !== 'None') return `its OverrideAction is ${kind}`;
  }
  return undefined;
}

export default defineTemplateRule({
  id: 'wafv2-log4j-protection',
  title: 'WAF web ACLs block Log4j lookups (CVE-2021-44228)',
  severity: 'warning',
  rationale:
    'Java services that log request fields with a vulnerable Log4j run attacker code when a request carries a JNDI lookup; the AWS known-bad-inputs group blocks those requests.',
  remediation: `Add the AWS managed rule group ${GROUP} with OverrideAction None, without excluding or counting its Log4JRCE rules.`,
  references: ['CKV_AWS_192'],
  resourceTypes: ['AWS::WAFv2::WebACL'],
  check: (acl) => {
    const n = acl.length('Rules');
    if (!n.known) return unknown('Rules', n.reason);
    let pending: CheckResult | undefined;
    for (let i = 0; i < (n.value ?? 0); i++) {
      const rule = `Rules.${i}`;
      const name = read(acl, `${rule}.Statement.ManagedRuleGroupStatement.Name`);
      if ('result' in name) {
        pending ??= name.result;
        continue;
      }
      if (name.value !== GROUP) continue;
      const why = weakened(acl, rule);
      if (why === undefined) return PASS;
      if (typeof why !== 'string') return why;
      return fail(
        rule,
        `${GROUP} does not block Log4j lookups: ${why}; expected it to block them`,
        why,
        'Block',
      );
    }
    return (
      pending ?? fail('Rules', `No rule uses ${GROUP}; expected it to block Log4j lookups`, undefined, GROUP)
    );
  },
});
