import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS, unknown } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'iam-policy-not-on-users',
  title: 'IAM policies are attached to roles or groups, not users',
  severity: 'warning',
  rationale:
    'Permissions attached to individual users are hard to review and tend to outlive the person; roles and groups keep them manageable.',
  remediation:
    'Attach the policy to a group (for people) or a role (for workloads) and remove Users / inline user policies.',
  references: ['CKV_AWS_40'],
  resourceTypes: ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::User'],
  check: (resource) => {
    const user = resource.type === 'AWS::IAM::User';
    const path = user ? 'Policies' : 'Users';
    const has = resource.has(path);
    if (!has.known) return unknown(path, has.reason);
    if (!has.value) return PASS;
    return fail(
      path,
      user
        ? 'The user has inline policies (Policies); expected permissions through a group or role'
        : 'The policy is attached to users (Users); expected it attached to groups or roles only',
      `${path} set`,
      'groups or roles',
    );
  },
});
