import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS, unknown } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'wafv2-web-acl-has-rules',
  title: 'WAF web ACLs have at least one rule',
  severity: 'warning',
  rationale:
    'A web ACL without rules applies only its default action: it looks like protection and inspects nothing.',
  remediation: 'Add rules or managed rule groups (for example AWSManagedRulesCommonRuleSet) to Rules.',
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/waf-controls.html'],
  resourceTypes: ['AWS::WAFv2::WebACL'],
  check: (acl) => {
    const n = acl.length('Rules');
    if (!n.known) return unknown('Rules', n.reason);
    if ((n.value ?? 0) > 0) return PASS;
    return fail(
      'Rules',
      'The web ACL has no rules; expected at least one',
      n.value === undefined ? undefined : [],
      'a rule',
    );
  },
});
