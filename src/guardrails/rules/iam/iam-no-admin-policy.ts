import { defineTemplateRule } from '../../rule.ts';
import { fail, unknown } from '../_support/check-result.ts';
import { checkStatements, IDENTITY_POLICY_TYPES } from '../_support/policy-statements.ts';

export default defineTemplateRule({
  id: 'iam-no-admin-policy',
  title: 'IAM policies do not grant full administrator access ("*" on "*")',
  severity: 'error',
  rationale:
    'A statement allowing every action on every resource turns any compromise of the principal into a compromise of the account.',
  remediation: 'List the actions the workload needs and scope them to the ARNs of its own resources.',
  references: ['CKV_AWS_62', 'AwsSolutions-IAM5'],
  resourceTypes: IDENTITY_POLICY_TYPES,
  check: (resource, { index }) =>
    checkStatements(resource, index, (s) => {
      const action = s.values('Action');
      if (!action.known) return unknown(`${s.path}.Action`, action.reason);
      if (!action.values.some((a) => a === '*' || a === '*:*')) return undefined;
      const res = s.values('Resource');
      if (!res.known) return unknown(`${s.path}.Resource`, res.reason);
      if (!res.values.includes('*')) return undefined;
      return fail(
        s.path,
        'The statement allows Action "*" on Resource "*" (full administrator access); expected specific actions on specific resources',
        { Action: '*', Resource: '*' },
        'specific actions and resources',
      );
    }),
});
